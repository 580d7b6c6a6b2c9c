using Migrations.Operations;
using Migrations.Running;

namespace Migrations.Linting;

/// <summary>What a rule found in a migration.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Migration">The migration.</param>
/// <param name="Operation">The operation it concerns.</param>
/// <param name="Message">What was found, in one sentence.</param>
public sealed record LintFinding(LintRule Rule, MigrationInfo Migration, MigrationOperation Operation, string Message)
{
    /// <summary>The reason the migration gave for accepting it (AllowUnsafe), or null when it stands.</summary>
    public string? SuppressedBecause { get; init; }

    /// <summary>The finding as one line: rule, severity, migration, operation, what, why and what to do instead.</summary>
    public override string ToString() =>
        $"{Rule.Id} {Rule.Severity.ToString().ToLowerInvariant()}: migration {Migration}, {Operation.Describe()}: {Message} {Rule.Why} Instead: {Rule.Instead}" +
        (SuppressedBecause is null ? "" : $" (accepted: {SuppressedBecause})");
}
