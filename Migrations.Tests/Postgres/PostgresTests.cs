using Migrations.Postgres;
using Migrations.Running;
using Npgsql;
using Migrations.Tests.Support;

namespace Migrations.Tests.Postgres;

/// <summary>Gives each test its own empty PostgreSQL database, and reads state back with plain SQL.</summary>
public abstract class PostgresTests
{
    private string? _connectionString;

    protected string ConnectionString => _connectionString ?? throw new InvalidOperationException("The test database exists only while a test runs.");

    [SetUp]
    public async Task CreateDatabaseAsync() => _connectionString = await PostgresServer.Instance.CreateDatabaseAsync("mig");

    protected MigrationRunner Runner(params Type[] migrations) =>
        new(new PostgresDialect(ConnectionString), new MigrationRunnerOptions().Add(migrations));

    protected void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    protected object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    protected List<object?[]> Rows(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return DbRows.Read(command);
    }

    /// <summary>Tables, columns with types, constraints, indexes, sequences and enum types, for before/after comparisons.</summary>
    protected string Catalog() => string.Join("\n", Rows("""
        SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '__migrations_history'
        UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '__migrations_history'
        UNION ALL SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__migrations_history'
        UNION ALL SELECT 'sequence ' || sequencename FROM pg_sequences WHERE schemaname = 'public'
        UNION ALL SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
        ORDER BY 1
        """).Select(r => (string)r[0]!));

    protected List<long> HistoryVersions() =>
        (long)Scalar("SELECT count(*) FROM pg_tables WHERE tablename = '__migrations_history'")! == 0
            ? []
            : Rows("SELECT version FROM __migrations_history ORDER BY version").Select(r => (long)r[0]!).ToList();
}
