using Migrations.Dialects;
using Migrations.Operations;

namespace Migrations.Running;

/// <summary>One migration of a run: which way it goes, its operations and its planned steps.</summary>
internal sealed record PlannedMigration(MigrationInfo Info, bool Up, IReadOnlyList<MigrationOperation> Operations)
{
    private string? _checksum;

    public MigrationPlan Plan { get; set; } = new([]);

    /// <summary>The checksum of the operations, computed once (seed data can make it costly).</summary>
    public string Checksum => _checksum ??= OperationChecksum.Compute(Operations);

    /// <summary>The history change that records this migration: a row for Up, its removal for Down.</summary>
    public SqlStep HistoryRow(IHistoryTableSql history, long executionMilliseconds) => Up
        ? history.Insert(Info.Version, Info.Description, executionMilliseconds, Checksum)
        : history.Delete(Info.Version);
}
