using Migrations.Operations;

namespace Migrations.Dialects;

/// <summary>
/// Turns operations into the steps that carry them out on one database, rewriting what the
/// database cannot do directly. One planner serves one run and keeps track of the schema as
/// the planned operations would leave it.
/// </summary>
public interface IMigrationPlanner
{
    /// <summary>Plans one migration's operations.</summary>
    /// <param name="operations">The operations, in order.</param>
    /// <param name="cancellationToken">Cancels schema reads.</param>
    /// <exception cref="MigrationPlanningException">An operation cannot be carried out; nothing has run.</exception>
    Task<MigrationPlan> PlanAsync(IReadOnlyList<MigrationOperation> operations, CancellationToken cancellationToken);
}
