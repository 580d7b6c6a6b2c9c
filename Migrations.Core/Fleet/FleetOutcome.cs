namespace Migrations.Fleet;

/// <summary>How one target of a fleet run ended.</summary>
public enum FleetOutcome
{
    /// <summary>Already at the requested version; nothing ran.</summary>
    UpToDate,

    /// <summary>Migrations were applied or reverted.</summary>
    Migrated,

    /// <summary>A migration failed; it was rolled back, and the target stands at its last completed migration.</summary>
    Failed,

    /// <summary>Another runner was migrating it; it was left alone, to be run again later.</summary>
    Busy,

    /// <summary>It took longer than the target timeout; its running migration was rolled back.</summary>
    TimedOut,

    /// <summary>Not started, because an earlier target failed (StopOnFirstFailure or a canary) or the run was cancelled.</summary>
    NotStarted,
}
