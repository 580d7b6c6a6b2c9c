using System.Diagnostics;
using DuckDB.NET.Data;
using Migrations.Building;
using Migrations.DuckDb;
using Migrations.Running;

namespace Migrations.Benchmarks;

/// <summary>
/// 1,000,000 seed rows into a DuckDB file: a migration's InsertData next to a hand-written loop
/// over DuckDB.NET's appender, each side in its own transaction on a fresh file. Both load the
/// same rows, built once beforehand (as the PostgreSQL seed benchmark does): what is compared is
/// loading them, not making them.
/// </summary>
internal static class DuckDbSeedBenchmarks
{
    public const int Rows = 1_000_000;

    private const string Table = "CREATE TABLE seed (id BIGINT PRIMARY KEY, name VARCHAR NOT NULL, amount DECIMAL(10,2), created TIMESTAMP WITH TIME ZONE)";

    public static async Task<(double Runner, double Floor)> RunAsync(string directory, int rounds)
    {
        var runs = new List<double>();
        var floors = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var runnerFirst = round % 2 == 0;
            for (var side = 0; side < 2; side++)
            {
                var path = Path.Combine(directory, $"seed-{round}-{side}.duckdb");
                if ((side == 0) == runnerFirst)
                {
                    runs.Add(await ByRunnerAsync(path));
                }
                else
                {
                    floors.Add(ByHand(path));
                }

                File.Delete(path);
            }
        }

        return (Median(runs), Median(floors));
    }

    /// <summary>The migration's whole run: building its rows in Up, checking, checksum, loading, history row.</summary>
    private static async Task<double> ByRunnerAsync(string path)
    {
        var runner = new MigrationRunner(new DuckDbDialect($"Data Source={path}"), new MigrationRunnerOptions().Add(typeof(SeedTable1M), typeof(Seed1M)));
        await runner.MigrateToAsync(1);
        var watch = Stopwatch.StartNew();
        await runner.MigrateAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Like the runner, opens the file (whose table exists) for the load and closes it after.</summary>
    private static double ByHand(string path)
    {
        using (var setup = new DuckDBConnection($"Data Source={path}"))
        {
            setup.Open();
            using var create = setup.CreateCommand();
            create.CommandText = Table;
            create.ExecuteNonQuery();
        }

        var watch = Stopwatch.StartNew();
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var appender = connection.CreateAppender("seed"))
        {
            foreach (var row in Data)
            {
                appender.CreateRow().AppendValue((long)row[0]!).AppendValue((string)row[1]!).AppendValue((decimal)row[2]!).AppendValue((DateTimeOffset)row[3]!).EndRow();
            }
        }

        transaction.Commit();
        connection.Close();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static object?[][] Data { get; } = Enumerable.Range(1, Rows)
        .Select(i => new object?[] { (long)i, $"customer {i}", i % 10_000 / 100m, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i) })
        .ToArray();

    private static double Median(List<double> samples)
    {
        samples.Sort();
        return samples[samples.Count / 2];
    }

    [Migration(1, "Seed table")]
    public sealed class SeedTable1M : Migration
    {
        public override void Up(MigrationBuilder m) => m.Sql(Table);

        public override void Down(MigrationBuilder m) => m.Sql("DROP TABLE seed");
    }

    [Migration(2, "Seed 1M rows")]
    public sealed class Seed1M : Migration
    {
        public override void Up(MigrationBuilder m) => m.InsertData("seed", ["id", "name", "amount", "created"], Data);
    }
}
