namespace Migrations.Linting;

/// <summary>How much a finding can hurt a production database.</summary>
public enum LintSeverity
{
    /// <summary>Worth knowing: costs time or a later change, blocks nothing.</summary>
    Info,

    /// <summary>Can break running instances of the application, or hold locks longer than needed.</summary>
    Warning,

    /// <summary>Blocks reads or writes of a table for as long as the table takes to scan or rewrite.</summary>
    Error,
}
