using Migrations.Running;

namespace Migrations.Testing;

/// <summary>Which migrations a throwaway test database gets, and up to which version.</summary>
public sealed class TestDatabaseOptions
{
    /// <summary>The migrations and where their history lives, as for the app's own runner.</summary>
    public MigrationRunnerOptions Migrations { get; } = new();

    /// <summary>The version each database is migrated to; null for the latest.</summary>
    public long? Version { get; set; }

    /// <summary>Scans the assembly that defines <typeparamref name="T"/> for migrations.</summary>
    /// <typeparam name="T">Any type of the assembly.</typeparam>
    public TestDatabaseOptions ScanAssemblyOf<T>()
    {
        Migrations.ScanAssemblyOf<T>();
        return this;
    }

    /// <summary>Adds migration classes one by one.</summary>
    /// <param name="types">The migration classes.</param>
    public TestDatabaseOptions Add(params Type[] types)
    {
        Migrations.Add(types);
        return this;
    }

    /// <summary>Migrates each database only up to a version (to test a later migration against it, for example).</summary>
    /// <param name="version">The last version applied.</param>
    public TestDatabaseOptions UpTo(long version)
    {
        Version = version;
        return this;
    }

    /// <summary>
    /// What identifies a migrated template: the database kind, the history table's place and the
    /// fingerprint of the migrations up to <see cref="Version"/>. A changed migration gives a new key,
    /// so its template is built again.
    /// </summary>
    /// <param name="runner">A runner over these options.</param>
    /// <param name="database">The database kind and anything else that makes templates differ (its version, for example).</param>
    public string TemplateKey(MigrationRunner runner, string database)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var text = $"{database}\n{Migrations.History.Schema}.{Migrations.History.TableName}\n{Version}\n{runner.Fingerprint(Version)}";
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..24].ToLowerInvariant();
    }
}
