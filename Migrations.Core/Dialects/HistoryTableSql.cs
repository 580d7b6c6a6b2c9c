using Migrations.Operations;

namespace Migrations.Dialects;

/// <summary>
/// The history table's statements, written once in SQL that DuckDB and PostgreSQL both take
/// (TEXT is VARCHAR on DuckDB; current_timestamp is the transaction's start on both). A dialect
/// gives what its database spells its own way: how to ask whether a table exists, and the error
/// a read of a missing table raises.
/// </summary>
internal sealed class HistoryTableSql : IHistoryTableSql
{
    private readonly TableName _table;
    private readonly string _quoted;
    private readonly string _tableExists;
    private readonly Func<Exception, bool>? _missingTable;
    private readonly ProgressTableSql _progress;

    /// <summary>Creates the statements for a history table.</summary>
    /// <param name="table">The table, with its schema.</param>
    /// <param name="tableExists">A query counting the tables named $2 in schema $1.</param>
    /// <param name="missingTable">Whether an error from reading the table says the table (or its schema) does not exist; null to always ask with <paramref name="tableExists"/>.</param>
    public HistoryTableSql(TableName table, string tableExists, Func<Exception, bool>? missingTable = null)
    {
        _table = table.Schema is null ? throw new ArgumentException("Give the history table's schema.", nameof(table)) : table;
        _quoted = $"{SqlText.Quote(table.Schema)}.{SqlText.Quote(table.Name)}";
        _tableExists = tableExists;
        _missingTable = missingTable;
        _progress = new ProgressTableSql(table);
        Verified = new VerifiedTableSql(table);
    }

    /// <summary>The table beside this one that remembers which code was checked against which history.</summary>
    public VerifiedTableSql Verified { get; }

    /// <summary>Whether a failed read of the table failed because there is no such table: then there is no need to ask the catalog.</summary>
    /// <param name="error">The read's error.</param>
    public bool SaysMissing(Exception error) => _missingTable?.Invoke(error) ?? false;

    public SqlStep Exists() => new(_tableExists, [_table.Schema, _table.Name]);

    public IReadOnlyList<SqlStep> CreateIfMissing() =>
    [
        new($"CREATE SCHEMA IF NOT EXISTS {SqlText.Quote(_table.Schema!)}"),
        new($"CREATE TABLE IF NOT EXISTS {_quoted} (version BIGINT PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL, execution_ms BIGINT NOT NULL, checksum TEXT NOT NULL)"),
    ];

    public SqlStep SelectAll() => new($"SELECT version, description, applied_at, execution_ms, checksum FROM {_quoted} ORDER BY version");

    /// <summary>Reads the versions and checksums, in version order: all a start that is up to date needs.</summary>
    public SqlStep SelectVersions() => new($"SELECT version, checksum FROM {_quoted} ORDER BY version");

    public SqlStep Insert(long version, string description, long executionMilliseconds, string checksum) => new(
        $"INSERT INTO {_quoted} (version, description, applied_at, execution_ms, checksum) VALUES ($1, $2, current_timestamp, $3, $4)",
        [version, description, executionMilliseconds, checksum]);

    public SqlStep Update(long version, string description, string checksum) => new(
        $"UPDATE {_quoted} SET description = $1, checksum = $2 WHERE version = $3",
        [description, checksum, version]);

    public SqlStep IsApplied(long version) => new($"SELECT count(*) FROM {_quoted} WHERE version = $1", [version]);

    public SqlStep Delete(long version) => new($"DELETE FROM {_quoted} WHERE version = $1", [version]);

    public IReadOnlyList<SqlStep> CreateProgressIfMissing() => _progress.CreateIfMissing();

    public SqlStep SelectProgress(long version) => _progress.Select(version);

    public SqlStep InsertProgress(long version, string part) => _progress.Insert(version, part);

    public SqlStep DeleteProgress(long version) => _progress.Delete(version);
}
