using Migrations.Operations;

namespace Migrations.Building;

/// <summary>Rows: seeded from values, objects, JSON or CSV files; updated and deleted.</summary>
public sealed partial class MigrationBuilder
{
    /// <summary>Inserts rows given as value arrays in column order.</summary>
    /// <param name="table">The table.</param>
    /// <param name="columns">The columns the values are for.</param>
    /// <param name="rows">One array of values per row.</param>
    public MigrationBuilder InsertData(string table, string[] columns, params object?[][] rows) =>
        InsertData(new TableName(table), columns, rows);

    /// <summary>Inserts rows given as value arrays in column order.</summary>
    /// <param name="table">The table, with its schema.</param>
    /// <param name="columns">The columns the values are for.</param>
    /// <param name="rows">One array of values per row.</param>
    public MigrationBuilder InsertData(TableName table, string[] columns, params object?[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        // The rows themselves, not a copy: an array of rows is already a read-only list of them, and
        // copying a million references is a large-object allocation that forces a full collection.
        return Add(new InsertDataOperation(table, columns, rows));
    }

    /// <summary>Inserts rows given as objects whose property names are column names (anonymous objects work).</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="table">The table.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder InsertData<T>(string table, IEnumerable<T> rows, string? schema = null)
    {
        var properties = ObjectColumns.Of(typeof(T));
        var values = rows.Select(row => (IReadOnlyList<object?>)Array.ConvertAll(properties, p => p.GetValue(row))).ToArray();
        return Add(new InsertDataOperation(new TableName(table, schema), Array.ConvertAll(properties, p => p.Name), values));
    }

    /// <summary>
    /// Inserts rows read from a sequence as they are sent, never all held in memory: for seeds of
    /// millions of rows, produced by an iterator method or a query. The sequence is read each time
    /// the rows are needed (checked before anything runs, sent, hashed for the history's checksum,
    /// and hashed again on later starts to detect an edit), so it must yield the same rows every
    /// time; a read that yields another number of rows fails the migration, which rolls back.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="columns">The columns the values are for.</param>
    /// <param name="rows">One array of values per row, in column order.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder InsertData(string table, string[] columns, IEnumerable<object?[]> rows, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var name = new TableName(table, schema);
        return Add(new InsertDataOperation(name, columns, new StreamedRows(rows, $"InsertData {name}")));
    }

    /// <summary>
    /// Inserts the rows of a JSON file holding an array of objects whose property names are column
    /// names. The file is read when the migration's operations are recorded, so a missing or
    /// malformed file is reported before any SQL runs; its values are sent as parameters.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="path">The JSON file; a relative path is taken from the folder of the assembly that holds the migration (the application's base directory, in an app).</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder InsertDataFromJson(string table, string path, string? schema = null)
    {
        ReadDataFiles = true;
        var (columns, rows) = JsonRows.Read(Path.IsPathRooted(path) ? path : Path.Combine(DataDirectory, path));
        return Add(new InsertDataOperation(new TableName(table, schema), columns, rows));
    }

    /// <summary>
    /// Inserts the rows of a CSV file (RFC 4180: comma-separated, double-quoted fields, a header row
    /// of column names). Values are text; the database converts them to the columns' types, and an
    /// empty unquoted field is NULL. Read when the operations are recorded, like <see cref="InsertDataFromJson"/>.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="path">The CSV file; a relative path is taken from the folder of the assembly that holds the migration (the application's base directory, in an app).</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder InsertDataFromCsv(string table, string path, string? schema = null)
    {
        ReadDataFiles = true;
        var (columns, rows) = CsvRows.Read(Path.IsPathRooted(path) ? path : Path.Combine(DataDirectory, path));
        return Add(new InsertDataOperation(new TableName(table, schema), columns, rows));
    }

    /// <summary>Updates the rows matching <paramref name="where"/> (column = value for each property).</summary>
    /// <param name="table">The table.</param>
    /// <param name="set">An object whose properties are the columns to set.</param>
    /// <param name="where">An object whose properties select the rows by equality.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder UpdateData(string table, object set, object where, string? schema = null) =>
        Add(new UpdateDataOperation(new TableName(table, schema), ObjectColumns.Values(set), ObjectColumns.Values(where)));

    /// <summary>Deletes the rows matching <paramref name="where"/> (column = value for each property).</summary>
    /// <param name="table">The table.</param>
    /// <param name="where">An object whose properties select the rows by equality.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder DeleteData(string table, object where, string? schema = null) =>
        Add(new DeleteDataOperation(new TableName(table, schema), ObjectColumns.Values(where)));
}
