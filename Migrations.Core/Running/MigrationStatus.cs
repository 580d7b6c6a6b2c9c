namespace Migrations.Running;

/// <summary>How the database compares with the known migrations.</summary>
/// <param name="Applied">History rows of known migrations, in version order.</param>
/// <param name="Pending">Known migrations not yet applied, in version order.</param>
/// <param name="Unknown">History rows whose version no known migration has (applied by other code).</param>
/// <param name="Changed">Applied migrations whose operations no longer match the recorded checksum.</param>
public sealed record MigrationStatus(
    IReadOnlyList<AppliedMigration> Applied,
    IReadOnlyList<MigrationInfo> Pending,
    IReadOnlyList<AppliedMigration> Unknown,
    IReadOnlyList<MigrationInfo> Changed)
{
    /// <summary>Pending migrations whose version is below the newest applied one: migrating refuses them unless out-of-order runs are allowed.</summary>
    public IReadOnlyList<MigrationInfo> OutOfOrder { get; init; } = [];

    /// <summary>The highest applied version, or 0 when none.</summary>
    public long CurrentVersion => Applied.Concat(Unknown).Select(a => a.Version).DefaultIfEmpty(0).Max();

    /// <summary>True when nothing is pending.</summary>
    public bool IsUpToDate => Pending.Count == 0;
}
