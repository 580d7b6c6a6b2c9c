using Migrations.Operations;

namespace Migrations.Linting;

/// <summary>
/// One safety rule over planned operations: what it finds, why that hurts and what to do instead.
/// Rules read operations and plans, never SQL text.
/// </summary>
public abstract class LintRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="id">The stable id suppressions name, for example <c>PG101</c>.</param>
    /// <param name="severity">How much a finding can hurt.</param>
    /// <param name="why">Why it hurts.</param>
    /// <param name="instead">The safe alternative.</param>
    protected LintRule(string id, LintSeverity severity, string why, string instead)
    {
        Id = id;
        Severity = severity;
        Why = why;
        Instead = instead;
    }

    /// <summary>The stable id suppressions name.</summary>
    public string Id { get; }

    /// <summary>How much a finding can hurt.</summary>
    public LintSeverity Severity { get; }

    /// <summary>Why it hurts.</summary>
    public string Why { get; }

    /// <summary>The safe alternative.</summary>
    public string Instead { get; }

    /// <summary>True when the rule concerns a migration as a whole: it is reported at most once per migration.</summary>
    public virtual bool OncePerMigration => false;

    /// <summary>A rule from its text and a check.</summary>
    /// <param name="id">The stable id suppressions name.</param>
    /// <param name="severity">How much a finding can hurt.</param>
    /// <param name="why">Why it hurts.</param>
    /// <param name="instead">The safe alternative.</param>
    /// <param name="check">What the rule finds in one operation, in one sentence; null when nothing.</param>
    /// <param name="oncePerMigration">Report at most once per migration.</param>
    public static LintRule Create(string id, LintSeverity severity, string why, string instead, Func<MigrationOperation, LintScope, string?> check, bool oncePerMigration = false) =>
        new DelegateRule(id, severity, why, instead, check ?? throw new ArgumentNullException(nameof(check)), oncePerMigration);

    /// <summary>What the rule finds in one operation, in one sentence; null when nothing.</summary>
    /// <param name="operation">The operation, as the migration recorded it.</param>
    /// <param name="scope">What is known around it.</param>
    public abstract string? Check(MigrationOperation operation, LintScope scope);

    private sealed class DelegateRule(string id, LintSeverity severity, string why, string instead, Func<MigrationOperation, LintScope, string?> check, bool oncePerMigration)
        : LintRule(id, severity, why, instead)
    {
        public override bool OncePerMigration => oncePerMigration;

        public override string? Check(MigrationOperation operation, LintScope scope) => check(operation, scope);
    }
}
