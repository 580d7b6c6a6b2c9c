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
        : base(Format(migration, operation, sql, innerException), innerException)
    {
        Migration = migration;
        Operation = operation;
        Sql = sql;
    }

    /// <summary>The failed migration.</summary>
    public MigrationInfo Migration { get; }

    /// <summary>The operation that failed, or null when the failure was outside one (for example at commit).</summary>
    public string? Operation { get; }

    /// <summary>The statement that failed, or null.</summary>
    public string? Sql { get; }

    private static string Format(MigrationInfo migration, string? operation, string? sql, Exception inner) =>
        $"Migration {migration} failed" +
        (operation is null ? "" : $" at {operation}") +
        $": {inner.Message}" +
        (sql is null ? "" : $"{Environment.NewLine}SQL: {sql}") +
        $"{Environment.NewLine}The migration's transaction was rolled back; the database and its history are as they were before it.";
}
