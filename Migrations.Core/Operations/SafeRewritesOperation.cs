namespace Migrations.Operations;

/// <summary>
/// Asks the dialect to carry out the migration's changes to existing tables in the forms that keep
/// the table readable and writable (PostgreSQL: constraints added NOT VALID and validated in a step
/// of their own, NOT NULL proven by a validated check, unique constraints built on an index made
/// concurrently) and to wait for locks at most <see cref="LockTimeout"/>, trying again up to
/// <see cref="Retries"/> times when the lock is not granted. The migration then runs in parts. The
/// schema it leaves is the same, so it is not part of the checksum. DuckDB, which has one writer,
/// has nothing to rewrite.
/// </summary>
/// <param name="LockTimeout">The longest wait for a lock before the step is tried again.</param>
/// <param name="Retries">How many more times a step that did not get its lock is tried.</param>
public sealed record SafeRewritesOperation(TimeSpan LockTimeout, int Retries) : MigrationOperation
{
    /// <summary>The settings used when none are given: a 5-second lock timeout and 3 retries.</summary>
    public static SafeRewritesOperation Default { get; } = new(TimeSpan.FromSeconds(5), 3);

    /// <inheritdoc />
    public override string Describe() => "SafeRewrites";
}
