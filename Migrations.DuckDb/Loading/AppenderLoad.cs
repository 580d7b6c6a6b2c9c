using DuckDB.NET.Data;
using Migrations.Dialects;
using Migrations.Operations;
using static Migrations.DuckDb.Dialect.DuckDbSql;

namespace Migrations.DuckDb.Loading;

/// <summary>
/// Loads seed rows through DuckDB.NET's appender, the fastest way into DuckDB, inside the
/// migration's transaction (a rollback removes them). Rows that name every column in a form the
/// appender stores unchanged go straight into the table; otherwise they are appended to a
/// temporary table (as text where DuckDB must convert them) and moved with one INSERT ... SELECT,
/// which applies the table's defaults, sequences and casts exactly as an INSERT would. Values
/// with no exact text form fall back to parameterised INSERTs.
/// </summary>
internal static class AppenderLoad
{
    /// <summary>Below this many rows, INSERT statements are as fast and keep errors per statement.</summary>
    public const int Threshold = 50;

    private const int ProgressEvery = 10_000;
    private const string StagingTable = "__migrations_load";

    public static SqlStep Step(InsertDataOperation o, TableName table, Func<IEnumerable<SqlStep>> inserts) =>
        new($"INSERT INTO {Quote(table)} ({QuoteList(o.Columns)}) -- {o.Rows.Count} rows sent by DuckDB's appender")
        {
            Comment = $"load {o.Rows.Count} rows into {o.Table}",
            ReportsRows = true,
            Run = (connection, progress, cancellationToken) => LoadAsync((DuckDBConnection)connection, o, table, inserts, progress, cancellationToken),
            ScriptForm = inserts,
        };

    private static async Task<int> LoadAsync(DuckDBConnection connection, InsertDataOperation o, TableName table, Func<IEnumerable<SqlStep>> inserts, IProgress<long> progress, CancellationToken cancellationToken)
    {
        var columns = await ColumnsAsync(connection, table, cancellationToken).ConfigureAwait(false);
        var types = o.Columns.Select(c => columns.FirstOrDefault(t => t.Name.Equals(c, StringComparison.OrdinalIgnoreCase)).Type).ToArray();
        var converters = types.Select(t => t is null ? null : AppendValues.DirectConverter(t)).ToArray();
        var modes = converters.Contains(null) ? null : Modes(o, converters!);
        if (modes is null)
        {
            // A column DuckDB will name in its error, or a value only DuckDB can convert: plain INSERTs.
            var written = 0;
            foreach (var insert in inserts())
            {
                written += await DbQuery.ExecuteAsync(connection, insert, cancellationToken).ConfigureAwait(false);
            }

            return written;
        }

        var direct = modes.All(m => m == Mode.Direct) && o.Columns.Count == columns.Count;
        if (direct)
        {
            var order = columns.Select(c => o.Columns.ToList().FindIndex(n => n.Equals(c.Name, StringComparison.OrdinalIgnoreCase))).ToArray();
            Append(connection, table.Schema, table.Name, o, order, converters!, modes, progress, cancellationToken);
            return o.Rows.Count;
        }

        var staging = $"temp.main.{Quote(StagingTable)}";
        var definitions = o.Columns.Select((c, i) => $"{Quote($"c{i}")} {(modes[i] == Mode.Direct ? types[i] : "VARCHAR")}");
        await DbQuery.ExecuteAsync(connection, new SqlStep($"CREATE OR REPLACE TEMP TABLE {Quote(StagingTable)} ({string.Join(", ", definitions)})"), cancellationToken).ConfigureAwait(false);
        Append(connection, "main", StagingTable, o, Enumerable.Range(0, o.Columns.Count).ToArray(), converters!, modes, progress, cancellationToken, catalog: "temp");
        var select = string.Join(", ", o.Columns.Select((_, i) => Quote($"c{i}")));
        var moved = await DbQuery.ExecuteAsync(connection, new SqlStep($"INSERT INTO {Quote(table)} ({QuoteList(o.Columns)}) SELECT {select} FROM {staging}"), cancellationToken).ConfigureAwait(false);
        await DbQuery.ExecuteAsync(connection, new SqlStep($"DROP TABLE {staging}"), cancellationToken).ConfigureAwait(false);
        return moved;
    }

    private enum Mode
    {
        Direct,
        Text,
    }

    /// <summary>
    /// How each column travels: directly when every value does, as text when every value has an
    /// exact text form; null when neither. The rows are read once, and once more only when a column
    /// cannot travel directly (rows given as a sequence are produced anew on each read).
    /// </summary>
    private static Mode[]? Modes(InsertDataOperation o, Func<object, object?>[] converters)
    {
        var modes = new Mode[converters.Length];
        var textColumns = new List<int>();
        foreach (var row in o.Rows)
        {
            for (var c = 0; c < converters.Length; c++)
            {
                if (modes[c] == Mode.Direct && row[c] is { } value && converters[c](value) is null)
                {
                    modes[c] = Mode.Text;
                    textColumns.Add(c);
                }
            }
        }

        if (textColumns.Count > 0 && o.Rows.Any(row => textColumns.Any(c => row[c] is { } value && !AppendValues.TryText(value, out _))))
        {
            return null;
        }

        return modes;
    }

    /// <summary><paramref name="order"/>[i] is the operation's column for the table's i-th column.</summary>
    private static void Append(DuckDBConnection connection, string? schema, string table, InsertDataOperation o, int[] order, Func<object, object?>[] converters, Mode[] modes, IProgress<long> progress, CancellationToken cancellationToken, string? catalog = null)
    {
        using var appender = connection.CreateAppender(catalog, schema ?? DefaultSchema, table);
        // A column's values are nearly always of one type: its writer is looked up when the type changes.
        var types = new Type?[order.Length];
        var writers = new Action<IDuckDBAppenderRow, object>[order.Length];
        var written = 0L;
        foreach (var values in o.Rows)
        {
            var row = appender.CreateRow();
            for (var i = 0; i < order.Length; i++)
            {
                var c = order[i];
                var value = values[c] switch
                {
                    null => null,
                    var v when modes[c] == Mode.Direct => converters[c](v),
                    var v => AppendValues.TryText(v, out var text) ? text : throw new InvalidOperationException($"{v} cannot be loaded into {o.Table}.{o.Columns[c]}."),
                };
                if (value is null)
                {
                    row.AppendNullValue();
                    continue;
                }

                if (value.GetType() != types[i])
                {
                    types[i] = value.GetType();
                    writers[i] = AppendValues.WriterFor(types[i]!);
                }

                writers[i](row, value);
            }

            row.EndRow();
            if (++written % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress.Report(written);
            }
        }
    }

    private static Task<List<(string Name, string Type)>> ColumnsAsync(DuckDBConnection connection, TableName table, CancellationToken cancellationToken) =>
        DbQuery.ListAsync(connection, new SqlStep(
                "SELECT column_name, data_type FROM duckdb_columns() WHERE lower(schema_name) = lower($1) AND lower(table_name) = lower($2) AND database_name = current_database() ORDER BY column_index",
                [table.Schema ?? DefaultSchema, table.Name]),
            r => (r.GetString(0), r.GetString(1)), cancellationToken);
}
