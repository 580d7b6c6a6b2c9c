using Migrations.Dialects;
using Migrations.Operations;

namespace Migrations.Running;

/// <summary>One migration of a run: which way it goes, its operations and its planned steps.</summary>
internal sealed record PlannedMigration(MigrationInfo Info, bool Up, IReadOnlyList<MigrationOperation> Operations)
{
    /// <summary>From this many seed values on, the checksum is computed while the migration runs rather than before.</summary>
    private const int BackgroundChecksumValues = 100_000;

    private readonly Lazy<Task<string>> _checksum = new(() => HashWhileRunning(Operations)
        ? Task.Run(() => OperationChecksum.Compute(Operations))
        : Task.FromResult(OperationChecksum.Compute(Operations)));

    private IReadOnlyList<MigrationOperation>? _planningOperations;

    private MigrationPlan _plan = new([]);
    private MigrationLayout? _layout;

    public MigrationPlan Plan
    {
        get => _plan;
        set
        {
            _plan = value;
            _layout = null;
        }
    }

    /// <summary>How the plan's statements run: worked out once per plan.</summary>
    public MigrationLayout Layout => _layout ??= MigrationLayout.Of(_plan);

    /// <summary>
    /// The operations as the planner sees them: with the safe-rewrites request in front when the
    /// runner's options ask for it and the migration does not (kept out of <see cref="Operations"/>,
    /// which the checksum covers).
    /// </summary>
    public IReadOnlyList<MigrationOperation> PlanningOperations => _planningOperations ??=
        SafeRewrites && !Operations.Any(o => o is SafeRewritesOperation) ? [SafeRewritesOperation.Default, .. Operations] : Operations;

    /// <summary>True when the runner's options ask for safe rewrites of every migration.</summary>
    public bool SafeRewrites { get; init; }

    /// <summary>Safety findings the migration accepts for one of its operations: the operation's index, the rule and the reason.</summary>
    public IReadOnlyList<(int Operation, string RuleId, string Reason)> Accepted { get; init; } = [];

    /// <summary>
    /// The checksum of the operations, computed once, by whichever thread asks first. For large
    /// seeds held in memory it runs on another thread while the migration's statements run.
    /// </summary>
    public Task<string> ChecksumAsync() => _checksum.Value;

    /// <summary>
    /// True when the checksum may be worked out on another thread before the migration runs:
    /// it goes up, and it reads no rows from a sequence (which must be read in order, one reader
    /// at a time) and no seed large enough to be hashed while it is sent.
    /// </summary>
    public bool ChecksumAhead => Up && !Operations.OfType<InsertDataOperation>().Any(o => o.Rows is StreamedRows) && !HashWhileRunning(Operations);

    /// <summary>Rows read from a sequence do not count: their fingerprint was taken when the checks read them.</summary>
    private static bool HashWhileRunning(IReadOnlyList<MigrationOperation> operations) =>
        operations.OfType<InsertDataOperation>().Where(o => o.Rows is not StreamedRows).Sum(o => (long)o.Rows.Count * o.Columns.Count) >= BackgroundChecksumValues;

    /// <summary>The history change that records this migration: a row for Up, its removal for Down.</summary>
    public async Task<SqlStep> HistoryRowAsync(IHistoryTableSql history, long executionMilliseconds) => Up
        ? history.Insert(Info.Version, Info.Description, executionMilliseconds, await ChecksumAsync().ConfigureAwait(false))
        : history.Delete(Info.Version);
}
