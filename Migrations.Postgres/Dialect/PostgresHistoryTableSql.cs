using Migrations.Dialects;
using Migrations.Operations;
using static Migrations.Postgres.Dialect.PostgresSql;

namespace Migrations.Postgres.Dialect;

/// <summary>History-table statements for PostgreSQL.</summary>
internal sealed class PostgresHistoryTableSql : IHistoryTableSql
{
    private readonly TableName _table;
    private readonly string _quoted;
    private readonly ProgressTableSql _progress;

    public PostgresHistoryTableSql(HistoryTableOptions options)
    {
        _table = new TableName(options.TableName, options.Schema ?? DefaultSchema);
        _quoted = Quote(_table);
        _progress = new ProgressTableSql(_table);
    }

    public SqlStep Exists() => new(
        "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = $1 AND tablename = $2",
        [_table.Schema, _table.Name]);

    public IReadOnlyList<SqlStep> CreateIfMissing() =>
    [
        new($"CREATE SCHEMA IF NOT EXISTS {Quote(_table.Schema!)}"),
        new($"CREATE TABLE IF NOT EXISTS {_quoted} (version bigint PRIMARY KEY, description text NOT NULL, applied_at timestamp with time zone NOT NULL, execution_ms bigint NOT NULL, checksum text NOT NULL)"),
    ];

    public SqlStep SelectAll() => new($"SELECT version, description, applied_at, execution_ms, checksum FROM {_quoted} ORDER BY version");

    public SqlStep Insert(long version, string description, long executionMilliseconds, string checksum) => new(
        $"INSERT INTO {_quoted} (version, description, applied_at, execution_ms, checksum) VALUES ($1, $2, now(), $3, $4)",
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
