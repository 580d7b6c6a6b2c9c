using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Migrations.Dialects;
using Migrations.Linting;
using Migrations.Operations;

namespace Migrations.Running;

/// <summary>
/// Applies and reverts migrations: discover, validate, lock, compare with history, plan,
/// execute, record, report. Each migration runs in one transaction together with its history row.
/// </summary>
public sealed partial class MigrationRunner
{
    private readonly IMigrationDialect _dialect;
    private readonly MigrationRunnerOptions _options;
    private readonly ILogger _logger;
    private readonly Lazy<MigrationCatalog> _catalog;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> _checksums = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, string[]> _earlierChecksums = new();
    private readonly PlanningContext _planning;
    private readonly Lazy<string?> _codeIdentity;

    /// <summary>Set once a migration's Up read a data file: its checksum then depends on more than the code.</summary>
    private volatile bool _readDataFiles;

    /// <summary>The history this runner last found to match its code: the same rows again need no comparison, nor a question to the database.</summary>
    private volatile AppliedVersions? _matched;

    /// <summary>The target of <see cref="MigrateAsync"/>: past every known version.</summary>
    private const long Latest = long.MaxValue;

    /// <summary>Creates a runner.</summary>
    /// <param name="dialect">The database's dialect, for example <c>new DuckDbDialect("Data Source=app.duckdb")</c>.</param>
    /// <param name="options">Which migrations to run and where history lives.</param>
    /// <param name="logger">Receives progress and errors; nothing is logged when null.</param>
    public MigrationRunner(IMigrationDialect dialect, MigrationRunnerOptions options, ILogger<MigrationRunner>? logger = null)
    {
        _dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _catalog = new Lazy<MigrationCatalog>(() => MigrationCatalog.Discover(_options));
        _planning = new PlanningContext(DeclaredEnums);
        _codeIdentity = new Lazy<string?>(() => CodeIdentity.Of(_catalog.Value.Migrations, _dialect));
    }

    /// <summary>The known migrations in version order.</summary>
    /// <exception cref="MigrationValidationException">A migration class is not valid.</exception>
    public IReadOnlyList<MigrationInfo> Migrations => _catalog.Value.Migrations;

    /// <summary>Applies every pending migration.</summary>
    /// <param name="cancellationToken">Stops between statements; the running migration is rolled back.</param>
    public Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        // A first run finds its migrations on another thread while the connection opens, then starts
        // working out the build's identity from them; later runs know them already.
        var found = _catalog.IsValueCreated ? Task.FromResult(FindAndIdentify()) : Task.Run(FindAndIdentify, CancellationToken.None);
        return WithLockAsync(
            async connection => await MigrateLockedAsync(connection, await found.ConfigureAwait(false), Latest, cancellationToken).ConfigureAwait(false),
            cancellationToken,
            found);
    }

    /// <summary>The known migrations, with the build's identity then worked out ahead from them.</summary>
    private MigrationCatalog FindAndIdentify()
    {
        var catalog = Catalog();
        IdentifyAhead();
        return catalog;
    }

    /// <summary>
    /// Moves the database to <paramref name="targetVersion"/>: applies pending migrations up to it and
    /// reverts applied ones above it, newest first. 0 reverts everything.
    /// </summary>
    /// <param name="targetVersion">The version to end at: 0, or the version of a known migration.</param>
    /// <param name="cancellationToken">Stops between statements; the running migration is rolled back.</param>
    /// <exception cref="MigrationValidationException">No known migration has <paramref name="targetVersion"/>, or a migration cannot run as written.</exception>
    public Task<MigrationResult> MigrateToAsync(long targetVersion, CancellationToken cancellationToken = default)
    {
        var catalog = Catalog();
        CheckTarget(catalog, targetVersion);
        return MigrateCoreAsync(catalog, targetVersion, cancellationToken);
    }

    private Task<MigrationResult> MigrateCoreAsync(MigrationCatalog catalog, long targetVersion, CancellationToken cancellationToken)
    {
        IdentifyAhead();
        return WithLockAsync(connection => MigrateLockedAsync(connection, catalog, targetVersion, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Works out the build's identity on another thread while the connection opens and the lock is
    /// taken: a start with history asks about it right after reading the versions, and a run that
    /// applies records it at the end. Not started when nothing will ask (checks forced on every start,
    /// or a dialect with its own history table).
    /// </summary>
    private void IdentifyAhead()
    {
        if (_codeIdentity.IsValueCreated || !VerifiedHistory.IsKept(_dialect.History(_options.History), _options))
        {
            return;
        }

        _ = Task.Run(() =>
        {
            try
            {
                _ = _codeIdentity.Value;
            }
            catch (Exception)
            {
                // Thrown again, and reported, where the run needs the identity.
            }
        }, CancellationToken.None);
    }

    /// <summary>
    /// Opens the run's connection, takes the migration lock, runs <paramref name="locked"/> and releases
    /// the lock. <paramref name="first"/>, work running while the connection opens, must succeed before
    /// anything else: its error is thrown as soon as it is known, in place of the connection's, and a
    /// connection still waiting (for a database file another process holds) stops waiting.
    /// </summary>
    private async Task<T> WithLockAsync<T>(Func<DbConnection, Task<T>> locked, CancellationToken cancellationToken, Task? first = null)
    {
        // LockTimeout bounds the whole wait for the database: a file another process holds open
        // (DuckDB) as much as the lock another instance holds (PostgreSQL).
        RunnerLog.WaitingForLock(_logger, _dialect.Name);
        var started = Stopwatch.GetTimestamp();
        CancellationTokenSource limit;
        try
        {
            limit = WaitLimit(cancellationToken);
        }
        catch (Exception) when (first is not null)
        {
            // A problem of the work that must come first is told first, as if it had run before.
            await first.ConfigureAwait(false);
            throw;
        }

        using var waitLimit = limit;
        var opening = OpenAsync(limit.Token, cancellationToken);
        if (first is not null)
        {
            try
            {
                await first.ConfigureAwait(false);
            }
            catch (Exception)
            {
                await limit.CancelAsync().ConfigureAwait(false);
                await CloseQuietlyAsync(opening).ConfigureAwait(false);
                throw;
            }
        }

        var connection = await opening.ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var runLock = await LockAsync(connection.Connection, limit.Token, cancellationToken).ConfigureAwait(false);
            var waited = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            RunnerLog.LockAcquired(_logger, waited);
            try
            {
                return await locked(connection.Connection).ConfigureAwait(false);
            }
            finally
            {
                await ReleaseAsync(runLock).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Closes a connection that was being opened for a run that stopped before using it; its own errors no longer matter.</summary>
    private static async Task CloseQuietlyAsync(Task<DialectConnection> opening)
    {
        try
        {
            await (await opening.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The run already failed with the error that matters.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private async Task<MigrationResult> MigrateLockedAsync(DbConnection connection, MigrationCatalog catalog, long targetVersion, CancellationToken cancellationToken)
    {
        var history = _dialect.History(_options.History);
        var verified = VerifiedHistory.For(history, _codeIdentity, _options, _logger);
        // The runner's own table is read in two columns first: enough to find a start that has nothing to do.
        Exception? unreadable = null;
        AppliedVersions? versions = null;
        var checkedBefore = false;
        if (history is HistoryTableSql own)
        {
            try
            {
                versions = await AppliedVersions.ReadAsync(connection, own, _matched, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DbException or InvalidCastException or FormatException)
            {
                unreadable = e;
            }

            checkedBefore = versions is not null && await CheckedBeforeAsync(connection, versions, verified, cancellationToken).ConfigureAwait(false);
            if (checkedBefore && versions!.AreExactly(catalog.Migrations, targetVersion))
            {
                _matched = versions;
                RunnerLog.UpToDate(_logger, versions.Versions[^1]);
                return new MigrationResult([], []);
            }
        }

        var (historyExists, applied) = await ReadHistoryAsync(connection, history, unreadable, cancellationToken).ConfigureAwait(false);
        var appliedVersions = AppliedVersions.Of(applied);
        if (versions is null || !appliedVersions.SameAs(versions))
        {
            checkedBefore = await CheckedBeforeAsync(connection, appliedVersions, verified, cancellationToken).ConfigureAwait(false);
        }

        var historyMatches = CheckHistory(catalog, applied, targetVersion, checkedBefore);
        if (historyMatches)
        {
            _matched = appliedVersions;
        }

        var work = Prepare(catalog, applied, targetVersion);
        if (work.Count == 0)
        {
            if (verified is not null && historyMatches && !checkedBefore && !_readDataFiles)
            {
                await verified!.RecordAsync(connection, appliedVersions, cancellationToken).ConfigureAwait(false);
            }

            var current = applied.Count == 0 ? 0 : applied[^1].Version;
            RunnerLog.UpToDate(_logger, current);
            return new MigrationResult([], []);
        }

        using var workingAhead = new CancellationTokenSource();
        WorkAhead(work, remember: verified is not null && historyMatches && !_readDataFiles, workingAhead.Token);
        try
        {
            await ApplyAsync(connection, history, historyExists, work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A run that stopped early needs nothing more worked out ahead.
            await workingAhead.CancelAsync().ConfigureAwait(false);
        }

        if (historyMatches)
        {
            // The rows just written came from this code: the next run or start with it need not compare them.
            var after = history is HistoryTableSql ownTable
                ? await AppliedVersions.ReadAsync(connection, ownTable, null, cancellationToken).ConfigureAwait(false)
                : AppliedVersions.Of((await ReadHistoryAsync(connection, history, null, cancellationToken).ConfigureAwait(false)).Rows);
            _matched = after;
            if (verified is not null && !_readDataFiles)
            {
                await verified.RecordAsync(connection, after, cancellationToken).ConfigureAwait(false);
            }
        }

        var result = new MigrationResult(
            work.Where(w => w.Up).Select(w => w.Info).ToArray(),
            work.Where(w => !w.Up).Select(w => w.Info).ToArray());
        RunnerLog.Finished(_logger, targetVersion == Latest ? catalog.Migrations[^1].Version : targetVersion, result.Applied.Count, result.Reverted.Count);
        return result;
    }

    /// <summary>Compares the database's history with the known migrations.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<MigrationStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var catalog = Catalog();
        using var limit = WaitLimit(cancellationToken);
        await using var connection = await OpenAsync(limit.Token, cancellationToken).ConfigureAwait(false);
        var (_, applied) = await ReadHistoryAsync(connection.Connection, _dialect.History(_options.History), null, cancellationToken).ConfigureAwait(false);
        return new MigrationStatus(
            applied.Where(a => catalog.Find(a.Version) is not null).ToArray(),
            catalog.Migrations.Where(m => !VersionOrder.Contains(applied, m.Version)).ToArray(),
            applied.Where(a => catalog.Find(a.Version) is null).ToArray(),
            HistoryChecks.Changed(catalog, applied, Matches).Select(c => c.Info).ToArray())
        {
            OutOfOrder = HistoryChecks.OutOfOrder(catalog, applied, Latest, out _).ToArray(),
        };
    }

    /// <summary>A target must be a version the runner can reach: 0 (before the first migration) or a known migration's.</summary>
    private static void CheckTarget(MigrationCatalog catalog, long targetVersion)
    {
        if (targetVersion != 0 && catalog.Find(targetVersion) is null)
        {
            var versions = catalog.Migrations;
            throw new MigrationValidationException([
                $"Cannot migrate to version {targetVersion}: no known migration has it. Use 0 to revert every migration, or one of the {versions.Count} known versions ({versions[0].Version} to {versions[^1].Version}); MigrateAsync goes to the latest.",
            ]);
        }
    }

    private MigrationCatalog Catalog()
    {
        var catalog = _catalog.Value;
        if (catalog.Migrations.Count == 0)
        {
            throw new MigrationValidationException(["No migrations were found: scan the assembly that holds them (ScanAssemblyOf<T>()) or add them one by one."]);
        }

        RunnerLog.Discovered(_logger, catalog.Migrations.Count, catalog.Migrations[^1].Version);
        return catalog;
    }

    /// <summary>Decides what to revert and apply, and records every migration's operations, checking them all before anything runs.</summary>
    private List<PlannedMigration> Prepare(MigrationCatalog catalog, IReadOnlyList<AppliedMigration> applied, long targetVersion)
    {
        var unknown = applied.Where(a => catalog.Find(a.Version) is null).ToArray();
        if (unknown.Length > 0)
        {
            RunnerLog.UnknownVersions(_logger, string.Join(", ", unknown.Select(u => u.Version)));
        }

        var problems = new ValidationProblems();
        var unknownToRevert = unknown.Where(u => u.Version > targetVersion).ToArray();
        if (unknownToRevert.Length > 0)
        {
            problems.Add($"Cannot go down to version {targetVersion}: versions {string.Join(", ", unknownToRevert.Select(u => u.Version))} are applied but no known migration has them, so there is no Down to run. Add those migrations to the scanned assemblies.");
        }

        var work = new List<PlannedMigration>();
        var pending = catalog.Migrations.TakeWhile(m => m.Version <= targetVersion).Where(m => !VersionOrder.Contains(applied, m.Version)).ToArray();
        using var ahead = CompiledAhead.Start(pending);
        for (var index = applied.Count - 1; index >= 0 && applied[index].Version > targetVersion; index--)
        {
            if (catalog.Find(applied[index].Version) is { } info)
            {
                work.Add(new PlannedMigration(info, Up: false, MigrationOperations.Build(info, up: false, _dialect, problems)) { SafeRewrites = _options.SafeRewrites });
            }
        }

        for (var i = 0; i < pending.Length; i++)
        {
            var info = pending[i];
            ahead?.Recording(i);
            foreach (var problem in MigrationLinter.Problems(info))
            {
                problems.Add(problem);
            }

            var builder = MigrationOperations.Record(info, up: true, _dialect, problems);
            _readDataFiles |= builder.ReadDataFiles;
            work.Add(new PlannedMigration(info, Up: true, builder.Operations) { Accepted = builder.Accepted, SafeRewrites = _options.SafeRewrites });
        }

        return problems.Count > 0 ? throw problems.ToException() : work;
    }

    /// <summary>Enum types declared from C# enums anywhere in the known migrations, for numbers seeded into columns of types made in an earlier run.</summary>
    private CreateEnumOperation[] DeclaredEnums() =>
        Catalog().Migrations
            .SelectMany(m => MigrationOperations.Build(m, up: true, _dialect, new ValidationProblems()))
            .OfType<CreateEnumOperation>()
            .Where(o => o.ClrType is not null)
            .ToArray();
}
