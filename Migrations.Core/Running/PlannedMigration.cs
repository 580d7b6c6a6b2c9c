using Migrations.Dialects;
using Migrations.Operations;

namespace Migrations.Running;

/// <summary>One migration of a run: which way it goes, its operations and its planned steps.</summary>
internal sealed record PlannedMigration(MigrationInfo Info, bool Up, IReadOnlyList<MigrationOperation> Operations)
{
    public MigrationPlan Plan { get; set; } = new([]);
}
