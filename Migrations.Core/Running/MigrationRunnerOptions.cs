using System.Reflection;
using Migrations.Dialects;
using Migrations.Linting;
using Migrations.Operations;

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

    /// <summary>
    /// Runs even when applied migrations were edited since (their checksums differ from the history).
    /// Off by default: an edited migration never runs again, so the database may lack what its code
    /// now says. Set it for one run when you know why; <see cref="MigrationRunner.RepairAsync"/>
    /// records the current checksums for good.
    /// </summary>
    public bool AllowChangedMigrations { get; set; }

    /// <summary>
    /// Applies pending migrations whose version is below the newest applied one (for example a branch
    /// merged after a later migration was deployed), logging each as applied out of order. Off by
    /// default: such a migration runs after migrations that were written to follow it.
    /// </summary>
    public bool AllowOutOfOrder { get; set; }

    /// <summary>
    /// What a run does with the safety findings (see <see cref="MigrationRunner.LintAsync"/>) of the
    /// migrations it is about to apply: log them (the default), refuse the run on an unsuppressed
    /// error, or not check.
    /// </summary>
    public LintMode Lint { get; set; } = LintMode.Log;

    /// <summary>
    /// Carries out every migration's changes to existing tables in the forms that keep them readable
    /// and writable, with a lock timeout and retries (see <see cref="SafeRewritesOperation"/>), as if
    /// each called <c>SafeRewrites()</c>. Checksums are the same either way.
    /// </summary>
    public bool SafeRewrites { get; set; }

    /// <summary>
    /// Computes every applied migration's checksum on every start. Off by default: a start whose
    /// build (the migrations' assemblies and what they reference) and history are those of a start
    /// that already compared them skips the comparison, which in a fresh process is most of a
    /// no-op start. Set it when a migration's Up depends on something outside its code other than
    /// the data files it reads through <c>InsertDataFromJson</c>/<c>InsertDataFromCsv</c> (which
    /// always turn the skip off), such as an environment variable.
    /// </summary>
    public bool ChecksumEveryStart { get; set; }

    /// <summary>The same options, for a runner on another database (a shadow).</summary>
    internal MigrationRunnerOptions Copy()
    {
        var copy = new MigrationRunnerOptions
        {
            LockTimeout = LockTimeout,
            AllowChangedMigrations = AllowChangedMigrations,
            AllowOutOfOrder = AllowOutOfOrder,
            Lint = Lint,
            SafeRewrites = SafeRewrites,
            ChecksumEveryStart = ChecksumEveryStart,
        };
        copy.History.TableName = History.TableName;
        copy.History.Schema = History.Schema;
        foreach (var assembly in Assemblies)
        {
            copy.Assemblies.Add(assembly);
        }

        copy.Add([.. MigrationTypes]);
        return copy;
    }

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
