using Migrations.Operations;

namespace Migrations.Dialects;

/// <summary>
/// The statements for the table beside the history table that records the completed parts of a
/// migration run without one transaction. Standard SQL that DuckDB and PostgreSQL both take.
/// </summary>
internal sealed class ProgressTableSql
{
    private readonly TableName _history;
    private readonly string _quoted;

    /// <summary>Creates the statements for the progress table of a history table.</summary>
    /// <param name="history">The history table, with its schema.</param>
    public ProgressTableSql(TableName history)
    {
        _history = history;
        _quoted = $"{SqlText.Quote(history.Schema ?? throw new ArgumentException("Give the history table's schema.", nameof(history)))}.{SqlText.Quote(history.Name + "_progress")}";
    }

    /// <summary>Creates the table (and its schema) when missing.</summary>
    public IReadOnlyList<SqlStep> CreateIfMissing() =>
    [
        new($"CREATE SCHEMA IF NOT EXISTS {SqlText.Quote(_history.Schema!)}"),
        new($"CREATE TABLE IF NOT EXISTS {_quoted} (version BIGINT NOT NULL, part VARCHAR NOT NULL, PRIMARY KEY (version, part))"),
    ];

    /// <summary>The recorded parts of a migration.</summary>
    /// <param name="version">The migration's version.</param>
    public SqlStep Select(long version) => new($"SELECT part FROM {_quoted} WHERE version = $1", [version]);

    /// <summary>Records a completed part.</summary>
    /// <param name="version">The migration's version.</param>
    /// <param name="part">The part's key.</param>
    public SqlStep Insert(long version, string part) => new($"INSERT INTO {_quoted} (version, part) VALUES ($1, $2)", [version, part]);

    /// <summary>Forgets a migration's parts.</summary>
    /// <param name="version">The migration's version.</param>
    public SqlStep Delete(long version) => new($"DELETE FROM {_quoted} WHERE version = $1", [version]);
}
