namespace Migrations.Running;

/// <summary>A migration that failed while running; its transaction was rolled back.</summary>
public sealed class MigrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="migration">The failed migration.</param>
    /// <param name="operation">The operation that failed, as described by the operation, or null.</param>
    /// <param name="sql">The statement that failed, or null.</param>
    /// <param name="innerException">The database's error.</param>
    public MigrationException(MigrationInfo migration, string? operation, string? sql, Exception innerException)
        : this(migration, operation, sql, innerException, transactional: true)
    {
    }

    /// <summary>Creates the exception, saying whether the migration ran in a transaction.</summary>
    /// <param name="migration">The failed migration.</param>
    /// <param name="operation">The operation that failed, as described by the operation, or null.</param>
    /// <param name="sql">The statement that failed, or null.</param>
    /// <param name="innerException">The database's error.</param>
    /// <param name="transactional">False for a migration that ran statement by statement.</param>
    public MigrationException(MigrationInfo migration, string? operation, string? sql, Exception innerException, bool transactional)
        : this(migration, operation, sql, innerException, transactional, [])
    {
    }

    /// <summary>Creates the exception for a migration whose transaction was rolled back after steps that run before it had committed.</summary>
    /// <param name="migration">The failed migration.</param>
    /// <param name="operation">The operation that failed, as described by the operation, or null.</param>
    /// <param name="sql">The statement that failed, or null.</param>
    /// <param name="innerException">The database's error.</param>
    /// <param name="transactional">False for a migration that ran in parts.</param>
    /// <param name="stayed">The operations committed before the transaction began (PostgreSQL enum values), which the rollback did not undo.</param>
    public MigrationException(MigrationInfo migration, string? operation, string? sql, Exception innerException, bool transactional, IReadOnlyList<string> stayed)
        : this(migration, operation, sql, innerException, transactional, stayed, explanation: null)
    {
    }

    /// <summary>Creates the exception with an explanation of the database's error.</summary>
    /// <param name="migration">The failed migration.</param>
    /// <param name="operation">The operation that failed, as described by the operation, or null.</param>
    /// <param name="sql">The statement that failed, or null.</param>
    /// <param name="innerException">The database's error.</param>
    /// <param name="transactional">False for a migration that ran in parts.</param>
    /// <param name="stayed">The operations committed before the transaction began, which the rollback did not undo.</param>
    /// <param name="explanation">What the error found and what to do, or null.</param>
    public MigrationException(MigrationInfo migration, string? operation, string? sql, Exception innerException, bool transactional, IReadOnlyList<string> stayed, string? explanation)
        : base(Format(migration, operation, sql, innerException, transactional, stayed ?? [], explanation), innerException)
    {
        Explanation = explanation;
        Stayed = stayed ?? [];
        Migration = migration;
        Operation = operation is null ? null : SqlSecrets.Mask(operation);
        Sql = sql is null ? null : SqlSecrets.Mask(sql);
    }

    /// <summary>The failed migration.</summary>
    public MigrationInfo Migration { get; }

    /// <summary>What the database's error found and what to do about it, or null when the error is not one the runner explains.</summary>
    public string? Explanation { get; }

    /// <summary>Operations committed before the migration's transaction began, which stayed although it was rolled back.</summary>
    public IReadOnlyList<string> Stayed { get; }

    /// <summary>The operation that failed, or null when the failure was outside one (for example at commit).</summary>
    public string? Operation { get; }

    /// <summary>The statement that failed, or null; passwords in it are masked.</summary>
    public string? Sql { get; }

    // Passwords written into a statement are masked wherever it is shown: the operation, the SQL and
    // the database's own message (DuckDB quotes the statement in syntax errors).
    private static string Format(MigrationInfo migration, string? operation, string? sql, Exception inner, bool transactional, IReadOnlyList<string> stayed, string? explanation) =>
        $"Migration {migration} failed" +
        (operation is null ? "" : $" at {SqlSecrets.Mask(operation)}") +
        $": {SqlSecrets.Mask(inner?.Message ?? "")}" +
        (explanation is null || (inner?.Message.Contains(explanation, StringComparison.Ordinal) ?? false) ? "" : $"{Environment.NewLine}{SqlSecrets.Mask(explanation)}") +
        (sql is null ? "" : $"{Environment.NewLine}SQL: {SqlSecrets.Mask(sql)}") +
        Environment.NewLine +
        (transactional && stayed.Count > 0
            ? $"The migration's transaction was rolled back and its history row not written, but what it committed before that transaction stayed: {string.Join("; ", stayed)}. It is safe to run again (those steps are skipped when already there)."
            : transactional
            ? "The migration's transaction was rolled back; the database and its history are as they were before it."
            : "The migration runs in parts without one transaction (it has a statement the database refuses in one): the parts that completed stay applied and are recorded, its history row was not written, and the next run continues with the part that failed.");
}
