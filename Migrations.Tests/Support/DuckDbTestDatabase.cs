using System.Text;
using Migrations.DuckDb;
using DuckDB.NET.Data;
using Migrations.Running;

namespace Migrations.Tests.Support;

/// <summary>A throwaway DuckDB database file, with helpers that read state back through plain SQL.</summary>
internal sealed class DuckDbTestDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("migrations-tests-").FullName;

    public DuckDbTestDatabase() => Path = System.IO.Path.Combine(_directory, "test.duckdb");

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    public MigrationRunner Runner(params Type[] migrations) =>
        new(new DuckDbDialect(ConnectionString), new MigrationRunnerOptions().Add(migrations));

    public DuckDBConnection Open()
    {
        var connection = new DuckDBConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Execute(string sql, params object?[] values)
    {
        using var connection = Open();
        using var command = Command(connection, sql, values);
        command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params object?[] values)
    {
        using var connection = Open();
        using var command = Command(connection, sql, values);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public List<object?[]> Rows(string sql, params object?[] values)
    {
        using var connection = Open();
        using var command = Command(connection, sql, values);
        return DbRows.Read(command);
    }

    public long Count(string table) => (long)Scalar($"SELECT count(*) FROM {table}")!;

    public List<long> HistoryVersions() =>
        Exists("__migrations_history")
            ? Rows("SELECT version FROM __migrations_history ORDER BY version").Select(r => (long)r[0]!).ToList()
            : [];

    public bool Exists(string table) =>
        (long)Scalar("SELECT count(*) FROM duckdb_tables() WHERE table_name = $1", table)! > 0;

    /// <summary>Tables, columns, constraints, indexes and sequences as text, for before/after comparisons.</summary>
    public string Catalog(bool includeHistory = false)
    {
        var text = new StringBuilder();
        // The constraint-name map is the library's bookkeeping, like the history table.
        var filter = includeHistory ? " AND table_name <> '__migrations_constraint_names'" : " AND table_name NOT LIKE '\\_\\_migrations\\_%' ESCAPE '\\'";
        void Add(string title, string sql)
        {
            text.AppendLine(title);
            foreach (var row in Rows(sql))
            {
                text.AppendLine("  " + string.Join(" | ", row.Select(v => v is object?[] list ? "[" + string.Join(",", list) + "]" : v?.ToString() ?? "NULL")));
            }
        }

        Add("columns", $"SELECT schema_name, table_name, column_name, data_type, is_nullable, column_default FROM duckdb_columns() WHERE NOT internal{filter} ORDER BY ALL");
        Add("constraints", $"SELECT schema_name, table_name, constraint_type, constraint_column_names, expression, referenced_table, referenced_column_names FROM duckdb_constraints() WHERE true{filter} ORDER BY ALL");
        Add("indexes", "SELECT schema_name, table_name, index_name, is_unique, expressions FROM duckdb_indexes() ORDER BY ALL");
        Add("sequences", "SELECT schema_name, sequence_name FROM duckdb_sequences() ORDER BY ALL");
        Add("views", "SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal ORDER BY ALL");
        return text.ToString();
    }

    /// <summary>A fingerprint of every row of a table, independent of row order.</summary>
    public string RowChecksum(string table) =>
        Scalar($"SELECT coalesce(md5(string_agg(CAST(t AS VARCHAR), '|' ORDER BY CAST(t AS VARCHAR))), 'empty') || ':' || count(*) FROM {table} t")!.ToString()!;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A connection still open elsewhere keeps the file; the temp folder is cleaned by the OS.
        }
    }

    private static DuckDBCommand Command(DuckDBConnection connection, string sql, object?[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in values)
        {
            command.Parameters.Add(new DuckDBParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
