using System.Diagnostics;
using Migrations.DuckDb;
using Migrations.Postgres;
using Migrations.Running;
using Migrations.Testing;

namespace Migrations.Benchmarks;

/// <summary>
/// A migrated database per test from the test kit (a copy of a template migrated once), next to
/// what a test pays without it: a new database migrated from scratch by the runner. 50 migrations,
/// each a table, a column and an index.
/// </summary>
internal static class TestKitBenchmarks
{
    private const int Migrations = 50;
    private const int Tests = 30;

    /// <summary>What a typical database test spends on its own work (queries, assertions).</summary>
    private static readonly TimeSpan TestWork = TimeSpan.FromMilliseconds(150);

    public static async Task RunAsync(Action<string, double, double, string> report, string directory)
    {
        var assembly = GeneratedMigrations.Create("Kit", Migrations, typeof(Workloads).GetMethod(nameof(Workloads.TableColumnIndex))!);
        var options = new TestDatabaseOptions();
        options.Migrations.Assemblies.Add(assembly);

        // DuckDB: the first call builds the template (or finds it from an earlier run); it is not timed.
        await (await DuckDbTestDatabase.CreateAsync(options)).DisposeAsync();
        var duckDb = await MedianAsync(Tests, async () => await (await DuckDbTestDatabase.CreateAsync(options)).DisposeAsync());
        var duckDbFloor = await MedianAsync(5, async () =>
        {
            var path = Path.Combine(directory, $"kit-{Guid.NewGuid():N}.duckdb");
            await new MigrationRunner(new DuckDbDialect($"Data Source={path}"), options.Migrations).MigrateAsync();
            File.Delete(path);
        });
        report($"DuckDB: a migrated database per test ({Migrations} migrations), create + dispose", duckDb, duckDbFloor, "a new file migrated by the runner");

        await using var server = await PostgresTestServer.StartAsync();
        await (await PostgresTestDatabase.CreateAsync(server, options)).DisposeAsync();
        var postgres = await MedianAsync(Tests, async () => await (await PostgresTestDatabase.CreateAsync(server, options)).DisposeAsync());

        // Tests that do some work: copies are made while they run, so only the wait for a copy is timed.
        var waits = new List<double>();
        for (var i = 0; i < Tests; i++)
        {
            var watch = Stopwatch.StartNew();
            var db = await PostgresTestDatabase.CreateAsync(server, options);
            waits.Add(watch.Elapsed.TotalMilliseconds);
            await Task.Delay(TestWork);
            await db.DisposeAsync();
        }

        waits.Sort();
        var postgresFloor = await MedianAsync(5, async () =>
        {
            var database = await server.CreateDatabaseAsync("kitfloor");
            await using var dialect = new PostgresDialect(database);
            await new MigrationRunner(dialect, options.Migrations).MigrateAsync();
        });
        report($"PostgreSQL: a migrated database per test ({Migrations} migrations), create + dispose back to back", postgres, postgresFloor, "CREATE DATABASE + the migrations run by the runner");
        report($"PostgreSQL: the wait for a migrated database in tests that work {TestWork.TotalMilliseconds:F0} ms each", waits[waits.Count / 2], postgresFloor, "CREATE DATABASE + the migrations run by the runner");
    }

    private static async Task<double> MedianAsync(int count, Func<Task> action)
    {
        var samples = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }
}
