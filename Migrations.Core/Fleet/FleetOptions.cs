namespace Migrations.Fleet;

/// <summary>How a fleet is migrated.</summary>
public sealed class FleetOptions
{
    /// <summary>How many targets are migrated at once; 4 by default. Each holds one connection while it runs.</summary>
    public int MaxParallelism { get; set; } = 4;

    /// <summary>The longest one target may take; its running migration is rolled back and it is reported as timed out. Unlimited when null.</summary>
    public TimeSpan? TargetTimeout { get; set; }

    /// <summary>How long to wait for a target another runner is migrating before reporting it busy and moving on; 2 seconds by default.</summary>
    public TimeSpan BusyWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Start no further target once one has failed (those running finish); the rest are reported as not started.</summary>
    public bool StopOnFirstFailure { get; set; }

    /// <summary>Migrate this many targets first, and the rest only if none of them failed; 0 for no canaries.</summary>
    public int Canaries { get; set; }
}
