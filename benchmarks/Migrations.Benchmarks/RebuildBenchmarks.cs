using System.Diagnostics;
using Migrations.DuckDb;
using DuckDB.NET.Data;
using Migrations.Running;

namespace Migrations.Benchmarks;

/// <summary>Table rebuilds on DuckDB files next to the hand-written recipe, on copies of one prepared file.</summary>
internal static class RebuildBenchmarks
{
    private const string HistoryTable = "CREATE TABLE \"main\".\"__migrations_history\" (version BIGINT PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL, execution_ms BIGINT NOT NULL, checksum VARCHAR NOT NULL)";

    public static async Task<(double Runner, double Floor)> PrimaryKeyTable(string directory, int rows, int rounds)
    {
        var prepared = Prepare(directory, "big", $"""
            CREATE TABLE big (id BIGINT PRIMARY KEY, a INTEGER, b VARCHAR);
            INSERT INTO big SELECT range, range % 1000, 'name ' || range FROM range({rows});
            """);
        return await Compare(directory, prepared, rounds, typeof(AddCheckToBig), """
            CREATE TEMP TABLE big__bak AS SELECT * FROM big;
            DROP TABLE big;
            CREATE TABLE big (id BIGINT PRIMARY KEY, a INTEGER, b VARCHAR, CHECK (a >= 0));
            INSERT INTO big SELECT * FROM big__bak;
            DROP TABLE big__bak;
            """);
    }

    public static async Task<(double Runner, double Floor)> ParentWithChildren(string directory, int parents, int children, int rounds)
    {
        var prepared = Prepare(directory, "fk", $"""
            CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR NOT NULL);
            CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customers (id), amount DECIMAL(10,2));
            INSERT INTO customers SELECT range, 'customer ' || range FROM range({parents});
            INSERT INTO orders SELECT range, range % {parents}, (range % 10000) / 100.0 FROM range({children});
            """);
        // The research sheet's recipe: move the children aside, alter the parent in place, put the children back.
        return await Compare(directory, prepared, rounds, typeof(AddEmailToCustomers), """
            CREATE TEMP TABLE orders__bak AS SELECT * FROM orders;
            DROP TABLE orders;
            ALTER TABLE customers ADD COLUMN email VARCHAR DEFAULT '';
            ALTER TABLE customers ALTER COLUMN email SET NOT NULL;
            CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customers (id), amount DECIMAL(10,2));
            INSERT INTO orders SELECT * FROM orders__bak;
            DROP TABLE orders__bak;
            """);
    }

    public static async Task<(double Runner, double Floor)> ThreeChangesToIndexedTable(string directory, int rows, int rounds)
    {
        var prepared = Prepare(directory, "three", $"""
            CREATE TABLE orders (id BIGINT PRIMARY KEY, code VARCHAR, amount VARCHAR, note VARCHAR);
            CREATE INDEX ix_orders_code ON orders (code);
            INSERT INTO orders SELECT range, 'c' || range, CAST(range % 100000 AS VARCHAR), 'note ' || range FROM range({rows});
            """);
        // What a person writes for the three changes at once: one copy aside and back.
        return await Compare(directory, prepared, rounds, typeof(ThreeChangesToOrders), """
            CREATE TEMP TABLE orders__bak AS SELECT * FROM orders;
            DROP TABLE orders;
            CREATE TABLE orders (id BIGINT PRIMARY KEY, reference VARCHAR, amount BIGINT);
            INSERT INTO orders SELECT id, code, CAST(amount AS BIGINT) FROM orders__bak;
            CREATE INDEX ix_orders_code ON orders (reference);
            DROP TABLE orders__bak;
            """);
    }

    private static string Prepare(string directory, string name, string sql)
    {
        var path = Path.Combine(directory, $"{name}-prepared.duckdb");
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        Execute(connection, sql);
        Execute(connection, "CHECKPOINT");
        return path;
    }

    private static async Task<(double Runner, double Floor)> Compare(string directory, string prepared, int rounds, Type migration, string recipe)
    {
        var runs = new List<double>();
        var floors = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var runnerSide in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                var path = Path.Combine(directory, $"copy-{Guid.NewGuid():N}.duckdb");
                File.Copy(prepared, path);
                if (runnerSide)
                {
                    var runner = new MigrationRunner(new DuckDbDialect($"Data Source={path}"), new MigrationRunnerOptions().Add(migration));
                    var watch = Stopwatch.StartNew();
                    await runner.MigrateAsync();
                    runs.Add(watch.Elapsed.TotalMilliseconds);
                }
                else
                {
                    var watch = Stopwatch.StartNew();
                    using (var connection = new DuckDBConnection($"Data Source={path}"))
                    {
                        connection.Open();
                        Execute(connection, HistoryTable);
                        using var transaction = connection.BeginTransaction();
                        Execute(connection, recipe);
                        Execute(connection, "INSERT INTO \"main\".\"__migrations_history\" VALUES (1, 'by hand', current_timestamp, 0, '0')");
                        transaction.Commit();
                    }

                    floors.Add(watch.Elapsed.TotalMilliseconds);
                }

                File.Delete(path);
            }
        }

        runs.Sort();
        floors.Sort();
        return (runs[runs.Count / 2], floors[floors.Count / 2]);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        // One statement at a time, so that a multi-statement recipe stays inside the transaction.
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }
    }
}
