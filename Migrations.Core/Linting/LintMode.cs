namespace Migrations.Linting;

/// <summary>What a run does with the safety findings of the migrations it is about to apply.</summary>
public enum LintMode
{
    /// <summary>Writes every finding to the log and runs.</summary>
    Log,

    /// <summary>Writes findings to the log and refuses the run, before any SQL, if any is an unsuppressed error.</summary>
    RefuseErrors,

    /// <summary>Does not check.</summary>
    Off,
}
