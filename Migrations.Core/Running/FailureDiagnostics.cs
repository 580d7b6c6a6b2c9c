using System.Data.Common;
using System.Globalization;
using Migrations.Dialects;
using Migrations.Operations;
using static Migrations.Dialects.SqlText;

namespace Migrations.Running;

/// <summary>
/// Read-only queries that find the rows behind a failed constraint change, run after the
/// rollback: the rows were there before the migration, so they are still there to count. A query
/// that fails (the connection is gone, the table is not there) leaves the explanation without it.
/// </summary>
internal static class FailureDiagnostics
{
    private const int Examples = 3;

    /// <summary>Up to three repeated keys, each with how often it occurs, for example <c>'a@example.com' (2 rows)</c>.</summary>
    public static Task<string?> DuplicatesAsync(DbConnection connection, TableName table, IReadOnlyList<string> columns, CancellationToken cancellationToken) =>
        ListAsync(connection,
            $"SELECT {QuoteList(columns)}, count(*) FROM {QuoteTable(table)} GROUP BY {QuoteList(columns)} HAVING count(*) > 1 ORDER BY count(*) DESC LIMIT {Examples}",
            r => $"{Key(r, columns.Count)} ({r.GetValue(columns.Count)} rows)", cancellationToken);

    /// <summary>How many rows hold NULL in any of the columns.</summary>
    public static Task<long?> NullsAsync(DbConnection connection, TableName table, IReadOnlyList<string> columns, CancellationToken cancellationToken) =>
        CountAsync(connection, $"SELECT count(*) FROM {QuoteTable(table)} WHERE {string.Join(" OR ", columns.Select(c => $"{Quote(c)} IS NULL"))}", cancellationToken);

    /// <summary>How many rows fail a check expression (NULL passes a check, as in the database).</summary>
    public static Task<long?> FailingCheckAsync(DbConnection connection, TableName table, string expression, CancellationToken cancellationToken) =>
        CountAsync(connection, $"SELECT count(*) FROM {QuoteTable(table)} WHERE NOT ({expression})", cancellationToken);

    /// <summary>How many rows name a parent that is missing, and up to three of their keys.</summary>
    public static async Task<(long? Count, string? Examples)> OrphansAsync(DbConnection connection, TableName table, ForeignKeyConstraint key, CancellationToken cancellationToken)
    {
        var where = $"{string.Join(" AND ", key.Columns.Select(c => $"c.{Quote(c)} IS NOT NULL"))} AND NOT EXISTS (SELECT 1 FROM {QuoteTable(key.PrincipalTable with { Schema = key.PrincipalTable.Schema ?? table.Schema })} p WHERE " +
                    $"{string.Join(" AND ", key.Columns.Select((c, i) => $"p.{Quote(key.PrincipalColumns[i])} = c.{Quote(c)}"))})";
        var count = await CountAsync(connection, $"SELECT count(*) FROM {QuoteTable(table)} c WHERE {where}", cancellationToken).ConfigureAwait(false);
        var examples = await ListAsync(connection, $"SELECT DISTINCT {string.Join(", ", key.Columns.Select(c => $"c.{Quote(c)}"))} FROM {QuoteTable(table)} c WHERE {where} LIMIT {Examples}",
            r => Key(r, key.Columns.Count), cancellationToken).ConfigureAwait(false);
        return (count, examples);
    }

    private static string QuoteTable(TableName table) => table.Schema is null ? SqlText.Quote(table.Name) : $"{SqlText.Quote(table.Schema)}.{SqlText.Quote(table.Name)}";

    private static string Key(DbDataReader reader, int columns)
    {
        var values = Enumerable.Range(0, columns).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetValue(i) is string s ? String(s) : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).ToList();
        return values.Count == 1 ? values[0]! : $"({string.Join(", ", values)})";
    }

    private static async Task<long?> CountAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        var counts = await TryAsync(connection, sql, r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        return counts is [var count] ? count : null;
    }

    private static async Task<string?> ListAsync(DbConnection connection, string sql, Func<DbDataReader, string> read, CancellationToken cancellationToken)
    {
        var rows = await TryAsync(connection, sql, read, cancellationToken).ConfigureAwait(false);
        return rows is null or [] ? null : string.Join(", ", rows);
    }

    private static async Task<List<T>?> TryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        try
        {
            return await DbQuery.ListAsync(connection, sql, read, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A diagnostic only adds detail to an error already being reported; its own failure must not replace that error.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
