using Migrations.Dialects;
using Migrations.Operations;
using static Migrations.DuckDb.Dialect.DuckDbSql;

namespace Migrations.DuckDb.Dialect;

/// <summary>History-table statements for DuckDB.</summary>
internal sealed class DuckDbHistoryTableSql : IHistoryTableSql
{
    private readonly TableName _table;
    private readonly string _quoted;
    private readonly ProgressTableSql _progress;

    public DuckDbHistoryTableSql(HistoryTableOptions options)
    {
        _table = new TableName(options.TableName, options.Schema ?? DefaultSchema);
        _quoted = Quote(_table);
        _progress = new ProgressTableSql(_table);
    }

    public SqlStep Exists() => new(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = $1 AND table_name = $2 AND NOT temporary",
        [_table.Schema, _table.Name]);

    public IReadOnlyList<SqlStep> CreateIfMissing() =>
    [
        new($"CREATE SCHEMA IF NOT EXISTS {Quote(_table.Schema!)}"),
        new($"CREATE TABLE IF NOT EXISTS {_quoted} (version BIGINT PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL, execution_ms BIGINT NOT NULL, checksum VARCHAR NOT NULL)"),
    ];

    public SqlStep SelectAll() => new($"SELECT version, description, applied_at, execution_ms, checksum FROM {_quoted} ORDER BY version");

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
