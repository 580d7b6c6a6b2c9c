using Migrations.Running;

namespace Migrations.Testing;

/// <summary>Which migrations a throwaway test database gets, and up to which version.</summary>
public sealed class TestDatabaseOptions
{
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

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
    /// so its template is built again. Computed once per set of options (the fingerprint runs every
    /// migration's Up, seed files included) and again only when the options change.
    /// </summary>
    /// <param name="database">The database kind and anything else that makes templates differ (its version, for example).</param>
    /// <param name="createRunner">Creates a runner over these options, to take the fingerprint with.</param>
    public string TemplateKey(string database, Func<MigrationRunner> createRunner)
    {
        ArgumentNullException.ThrowIfNull(createRunner);
        var signature = string.Join("\n", [
            database, Migrations.History.Schema, Migrations.History.TableName, Version?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. Migrations.Assemblies.Select(a => a.FullName), .. Migrations.MigrationTypes.Select(t => t.AssemblyQualifiedName)]);
        lock (_keys)
        {
            if (_keys.TryGetValue(signature, out var cached))
            {
                return cached;
            }
        }

        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{signature}\n{createRunner().Fingerprint(Version)}")))[..24].ToLowerInvariant();
        lock (_keys)
        {
            _keys[signature] = key;
        }

        return key;
    }

}
