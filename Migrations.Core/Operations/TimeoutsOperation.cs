namespace Migrations.Operations;

/// <summary>
/// Limits how long the migration's statements may wait for locks and run, where the database
/// supports it (PostgreSQL's lock_timeout and statement_timeout). A DDL statement queued behind a
/// long transaction makes every later query queue behind it; a lock timeout fails it instead.
/// </summary>
/// <param name="LockTimeout">The longest wait for a lock, or null to leave it unchanged.</param>
/// <param name="StatementTimeout">The longest run of one statement, or null to leave it unchanged.</param>
public sealed record TimeoutsOperation(TimeSpan? LockTimeout, TimeSpan? StatementTimeout) : MigrationOperation
{
    /// <inheritdoc />
    public override string Describe() => "Timeouts";
}
