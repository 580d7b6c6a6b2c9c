using Migrations.Dialects;
using Migrations.Operations;
using static Migrations.DuckDb.Dialect.DuckDbSql;

namespace Migrations.DuckDb.Dialect;

/// <summary>History-table statements for DuckDB.</summary>
internal sealed class DuckDbHistoryTableSql : IHistoryTableSql
{
    private readonly TableName _table;
    private readonly string _quoted;

    public DuckDbHistoryTableSql(HistoryTableOptions options)
    {
        _table = new TableName(options.TableName, options.Schema ?? DefaultSchema);
        _quoted = Quote(_table);
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

    public SqlStep Delete(long version) => new($"DELETE FROM {_quoted} WHERE version = $1", [version]);

    public IReadOnlyList<SqlStep> CreateProgressIfMissing() =>
    [
        new($"CREATE SCHEMA IF NOT EXISTS {Quote(_table.Schema!)}"),
        new($"CREATE TABLE IF NOT EXISTS {Progress} (version BIGINT NOT NULL, part VARCHAR NOT NULL, PRIMARY KEY (version, part))"),
    ];

    public SqlStep SelectProgress(long version) => new($"SELECT part FROM {Progress} WHERE version = $1", [version]);

    public SqlStep InsertProgress(long version, string part) => new($"INSERT INTO {Progress} (version, part) VALUES ($1, $2)", [version, part]);

    public SqlStep DeleteProgress(long version) => new($"DELETE FROM {Progress} WHERE version = $1", [version]);

    private string Progress => Quote(_table with { Name = _table.Name + "_progress" });
}
