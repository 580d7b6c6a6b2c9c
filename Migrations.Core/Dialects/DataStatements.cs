using System.Text;
using Migrations.Operations;

namespace Migrations.Dialects;

/// <summary>
/// INSERT, UPDATE and DELETE for data operations, with every value a positional parameter
/// ($1, $2, ...). Dialects say how to name the table and, where needed, how to cast a
/// parameter to its column's type.
/// </summary>
internal sealed class DataStatements
{
    private readonly Func<TableName, string> _table;
    private readonly Func<string, string?> _castOf;
    private readonly int _rowsPerInsert;

    /// <summary>Creates the statement writer for one table.</summary>
    /// <param name="table">Writes the quoted, qualified table name.</param>
    /// <param name="castOf">The type to cast a column's parameters to, or null for none.</param>
    /// <param name="rowsPerInsert">Rows per INSERT statement.</param>
    public DataStatements(Func<TableName, string> table, Func<string, string?> castOf, int rowsPerInsert)
    {
        _table = table;
        _castOf = castOf;
        _rowsPerInsert = rowsPerInsert;
    }

    /// <summary>Multi-row INSERTs.</summary>
    /// <param name="o">The rows to insert.</param>
    public IEnumerable<SqlStep> Insert(InsertDataOperation o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var head = $"INSERT INTO {_table(o.Table)} ({SqlText.QuoteList(o.Columns)}) VALUES ";
        foreach (var batch in o.Rows.Chunk(_rowsPerInsert))
        {
            var sql = new StringBuilder(head);
            var values = new List<object?>(batch.Length * o.Columns.Count);
            for (var r = 0; r < batch.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < o.Columns.Count; c++)
                {
                    values.Add(batch[r][c]);
                    sql.Append(c == 0 ? "" : ", ").Append(Parameter(values.Count, o.Columns[c]));
                }

                sql.Append(')');
            }

            yield return new SqlStep(sql.ToString(), values);
        }
    }

    /// <summary>An UPDATE of the rows whose columns equal the given values.</summary>
    /// <param name="o">The update.</param>
    public SqlStep Update(UpdateDataOperation o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var values = new List<object?>();
        var set = string.Join(", ", o.Set.Select(s =>
        {
            values.Add(s.Value);
            return $"{SqlText.Quote(s.Column)} = {Parameter(values.Count, s.Column)}";
        }));
        return new SqlStep($"UPDATE {_table(o.Table)} SET {set} WHERE {Where(o.Where, values)}", values);
    }

    /// <summary>A DELETE of the rows whose columns equal the given values.</summary>
    /// <param name="o">The deletion.</param>
    public SqlStep Delete(DeleteDataOperation o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var values = new List<object?>();
        return new SqlStep($"DELETE FROM {_table(o.Table)} WHERE {Where(o.Where, values)}", values);
    }

    private string Parameter(int index, string column) => _castOf(column) is { } type ? $"${index}::{type}" : $"${index}";

    /// <summary>Equality per column; NULL is matched with IS NULL, as "= NULL" matches nothing.</summary>
    private string Where(IReadOnlyList<ColumnValue> where, List<object?> values) =>
        string.Join(" AND ", where.Select(w =>
        {
            if (w.Value is null)
            {
                return $"{SqlText.Quote(w.Column)} IS NULL";
            }

            values.Add(w.Value);
            return $"{SqlText.Quote(w.Column)} = {Parameter(values.Count, w.Column)}";
        }));
}
