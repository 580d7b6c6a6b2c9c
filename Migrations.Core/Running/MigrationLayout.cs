using Migrations.Dialects;

namespace Migrations.Running;

/// <summary>
/// How a migration's statements run, worked out once from its plan and read by both the runner
/// and the script renderer, so that a script shows exactly what a run does: either the
/// statements committed on their own first, then one transaction with the rest and the history
/// row; or, when a statement refuses a transaction, parts that each complete on their own.
/// </summary>
internal sealed class MigrationLayout
{
    private MigrationLayout(IReadOnlyList<SqlStep> beforeTransaction, IReadOnlyList<SqlStep> inTransaction, IReadOnlyList<MigrationPart>? parts)
    {
        BeforeTransaction = beforeTransaction;
        InTransaction = inTransaction;
        Parts = parts;
    }

    /// <summary>Statements committed one by one before the migration's transaction begins.</summary>
    public IReadOnlyList<SqlStep> BeforeTransaction { get; }

    /// <summary>The statements of the migration's transaction; its history row follows them.</summary>
    public IReadOnlyList<SqlStep> InTransaction { get; }

    /// <summary>The parts, when the migration cannot run in one transaction; null when it can.</summary>
    public IReadOnlyList<MigrationPart>? Parts { get; }

    /// <summary>Every statement in the order it runs, without the history row.</summary>
    public IEnumerable<SqlStep> AllSteps => Parts is { } parts ? parts.SelectMany(p => p.Steps) : BeforeTransaction.Concat(InTransaction);

    public static MigrationLayout Of(MigrationPlan plan) =>
        plan.Steps.Any(s => s.RefusesTransaction)
            ? new MigrationLayout([], [], MigrationPart.Of(plan.Steps))
            : new MigrationLayout(plan.Steps.Where(s => s.RunsBeforeTransaction).ToArray(), plan.Steps.Where(s => !s.RunsBeforeTransaction).ToArray(), null);
}
