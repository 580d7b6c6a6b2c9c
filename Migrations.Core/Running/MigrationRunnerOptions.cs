using System.Reflection;
using Migrations.Dialects;

namespace Migrations.Running;

/// <summary>Which migrations a runner knows and where it keeps their history.</summary>
public sealed class MigrationRunnerOptions
{
    /// <summary>Assemblies scanned for <see cref="Migration"/> classes.</summary>
    public IList<Assembly> Assemblies { get; } = [];

    /// <summary>Migration classes given one by one, in addition to the scanned ones.</summary>
    public IList<Type> MigrationTypes { get; } = [];

    /// <summary>Where the history table lives.</summary>
    public HistoryTableOptions History { get; } = new();

    /// <summary>
    /// How long to wait for another instance that is migrating the same database before giving up
    /// with a <see cref="TimeoutException"/>; null waits as long as it takes.
    /// </summary>
    public TimeSpan? LockTimeout { get; set; }

    /// <summary>Scans the assembly that defines <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">Any type of the assembly.</typeparam>
    public MigrationRunnerOptions ScanAssemblyOf<T>()
    {
        Assemblies.Add(typeof(T).Assembly);
        return this;
    }

    /// <summary>Adds migration classes one by one.</summary>
    /// <param name="types">The migration classes.</param>
    public MigrationRunnerOptions Add(params Type[] types)
    {
        foreach (var type in types)
        {
            MigrationTypes.Add(type);
        }

        return this;
    }
}
