using Migrations.Operations;

namespace Migrations.Dialects;

/// <summary>
/// The statements for the table beside the history table that remembers which code was already
/// checked against which history: a pair on record means the checksums of that code matched
/// those rows, so a start with both unchanged need not compute them again. Standard SQL that
/// DuckDB and PostgreSQL both take.
/// </summary>
internal sealed class VerifiedTableSql
{
    private readonly string _quoted;

    /// <summary>Creates the statements for the table of a history table.</summary>
    /// <param name="history">The history table, with its schema.</param>
    public VerifiedTableSql(TableName history)
    {
        _quoted = $"{SqlText.Quote(history.Schema ?? throw new ArgumentException("Give the history table's schema.", nameof(history)))}.{SqlText.Quote(history.Name + Suffix)}";
    }

    /// <summary>What the table's name adds to the history table's.</summary>
    public const string Suffix = "_verified";

    /// <summary>
    /// Creates the table when missing. Its schema is the history table's, which exists whenever a
    /// check is recorded (there are history rows to record it against).
    /// </summary>
    public IReadOnlyList<SqlStep> CreateIfMissing() =>
    [
        new($"CREATE TABLE IF NOT EXISTS {_quoted} (code TEXT NOT NULL, history TEXT NOT NULL, verified_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (code, history))"),
    ];

    /// <summary>One integer: greater than zero when the code was checked against the history.</summary>
    public SqlStep Count(string code, string history) => new($"SELECT count(*) FROM {_quoted} WHERE code = $1 AND history = $2", [code, history]);

    /// <summary>Forgets the checks against other histories: they can only match again after the history returns to them.</summary>
    public SqlStep DeleteOthers(string history) => new($"DELETE FROM {_quoted} WHERE history <> $1", [history]);

    /// <summary>Records a check.</summary>
    public SqlStep Insert(string code, string history) =>
        new($"INSERT INTO {_quoted} (code, history, verified_at) VALUES ($1, $2, current_timestamp) ON CONFLICT DO NOTHING", [code, history]);
}
