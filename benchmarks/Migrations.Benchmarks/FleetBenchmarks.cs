using System.Diagnostics;
using System.Globalization;
using Migrations.DuckDb;
using Migrations.Fleet;
using Migrations.Postgres;
using Migrations.Running;
using Migrations.Testing;
using Npgsql;

namespace Migrations.Benchmarks;

/// <summary>
/// Fleets of new databases each getting 20 migrations: the fleet runner at parallelism 1, 2, 4 and 8
/// next to the loop a user would write (one runner per database, one after another), with peak
/// memory and, on PostgreSQL, the most connections the server saw at once.
/// </summary>
internal static class FleetBenchmarks
{
    private const int Migrations = 20;

    public static async Task RunAsync(string directory, int duckDbFiles, int postgresDatabases)
    {
        var assembly = GeneratedMigrations.Create("Fleet", Migrations, typeof(Workloads).GetMethod(nameof(Workloads.TableColumnIndex))!);
        var options = new MigrationRunnerOptions();
        options.Assemblies.Add(assembly);

        // Warm-up, so that neither the loop (measured first) nor the fleet pays the JIT.
        foreach (var file in Directory.GetFiles(await DuckDbFolder(directory, "warm", 5)))
        {
            await new MigrationRunner(new DuckDbDialect($"Data Source={file}"), options).MigrateAsync();
        }

        Check(await new FleetRunner(DuckDbFleet.Files(await DuckDbFolder(directory, "warm2", 5)), options).MigrateAsync());

        // The loop is measured first and again last, so that neither side always runs on a warmer machine.
        async Task<Measure> DuckDbLoop(string name) => await MeasureAsync(() => DuckDbFolder(directory, name, duckDbFiles), async folder =>
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                await new MigrationRunner(new DuckDbDialect($"Data Source={file}"), options).MigrateAsync();
            }
        });
        var loop = await DuckDbLoop("loop");
        Report($"DuckDB: {duckDbFiles} files x {Migrations} migrations, a loop of single runs (first)", loop, null);
        var fleets = new List<(int Parallelism, Measure Measure)>();
        foreach (var parallelism in new[] { 1, 2, 4, 8 })
        {
            fleets.Add((parallelism, await MeasureAsync(() => DuckDbFolder(directory, $"p{parallelism}", duckDbFiles), async folder =>
                Check(await new FleetRunner(DuckDbFleet.Files(folder), options, new FleetOptions { MaxParallelism = parallelism }).MigrateAsync()))));
        }

        var loopAgain = await DuckDbLoop("loop-again");
        Report($"DuckDB: {duckDbFiles} files x {Migrations} migrations, a loop of single runs (last)", loopAgain, null);
        foreach (var (parallelism, measure) in fleets)
        {
            Report($"DuckDB: {duckDbFiles} files x {Migrations} migrations, fleet at parallelism {parallelism}", measure, (loop.Seconds + loopAgain.Seconds) / 2);
        }

        await using var server = await PostgresTestServer.StartAsync();
        async Task<Measure> PostgresLoop(string name) => await MeasureAsync(() => PostgresDatabases(server, name, postgresDatabases), async prefix =>
        {
            foreach (var target in await PostgresFleet.Databases(server.ConnectionString, prefix + "%").ListAsync(CancellationToken.None))
            {
                await using var dialect = (PostgresDialect)target.CreateDialect();
                await new MigrationRunner(dialect, options).MigrateAsync();
            }
        }, server);
        var pgLoop = await PostgresLoop("loop");
        Report($"PostgreSQL: {postgresDatabases} databases x {Migrations} migrations, a loop of single runs (first)", pgLoop, null);
        var pgFleets = new List<(int Parallelism, Measure Measure)>();
        foreach (var parallelism in new[] { 1, 2, 4, 8 })
        {
            pgFleets.Add((parallelism, await MeasureAsync(() => PostgresDatabases(server, $"p{parallelism}", postgresDatabases), async prefix =>
                Check(await new FleetRunner(PostgresFleet.Databases(server.ConnectionString, prefix + "%"), options, new FleetOptions { MaxParallelism = parallelism }).MigrateAsync()),
                server)));
        }

        var pgLoopAgain = await PostgresLoop("loopagain");
        Report($"PostgreSQL: {postgresDatabases} databases x {Migrations} migrations, a loop of single runs (last)", pgLoopAgain, null);
        foreach (var (parallelism, measure) in pgFleets)
        {
            Report($"PostgreSQL: {postgresDatabases} databases x {Migrations} migrations, fleet at parallelism {parallelism}", measure, (pgLoop.Seconds + pgLoopAgain.Seconds) / 2);
        }
    }

    private static Task<string> DuckDbFolder(string directory, string name, int files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(directory, "fleet-" + name)).FullName;
        for (var i = 0; i < files; i++)
        {
            // A new tenant's database: made empty (an empty file is not one).
            using var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={Path.Combine(folder, $"tenant{i:D4}.duckdb")}");
            connection.Open();
        }

        return Task.FromResult(folder);
    }

    private static async Task<string> PostgresDatabases(PostgresTestServer server, string name, int databases)
    {
        var prefix = $"fleet{name}_";
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        for (var i = 0; i < databases; i++)
        {
            // FILE_COPY writes no WAL for the copy, so no checkpoint of 200 databases' worth lands in the measured run.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{prefix}{i:D4}\" STRATEGY FILE_COPY", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection);
        await checkpoint.ExecuteNonQueryAsync();
        return prefix;
    }

    private static async Task DropDatabasesAsync(PostgresTestServer server, string prefix)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        foreach (var target in await PostgresFleet.Databases(server.ConnectionString, prefix + "%").ListAsync(CancellationToken.None))
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{target.Name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static void Check(FleetResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.ToString());
        }
    }

    private sealed record Measure(double Seconds, long PeakMiB, int PeakConnections);

    /// <summary>Wall time of <paramref name="run"/>, with the process's working set and the server's connections sampled every 20 ms.</summary>
    private static async Task<Measure> MeasureAsync(Func<Task<string>> prepare, Func<string, Task> run, PostgresTestServer? postgres = null)
    {
        var server = postgres?.ConnectionString;
        var target = await prepare();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        long peak = 0;
        var connections = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            await using var watcher = server is null ? null : new NpgsqlConnection(server);
            if (watcher is not null)
            {
                await watcher.OpenAsync();
            }

            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                if (watcher is not null)
                {
                    await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()", watcher);
                    connections = Math.Max(connections, (int)(long)(await count.ExecuteScalarAsync())!);
                }

                await Task.Delay(20);
            }
        });
        var watch = Stopwatch.StartNew();
        await run(target);
        var seconds = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        if (postgres is not null)
        {
            // The next measurement starts on a server with as many databases as this one did.
            await DropDatabasesAsync(postgres, target);
        }
        else
        {
            Directory.Delete(target, recursive: true);
        }

        return new Measure(seconds, peak / (1024 * 1024), connections);
    }

    private static void Report(string name, Measure measure, double? loopSeconds)
    {
        var speed = loopSeconds is { } loop ? string.Create(CultureInfo.InvariantCulture, $" ({loop / measure.Seconds:F2}x the loop's speed)") : "";
        var connections = measure.PeakConnections > 0 ? $", at most {measure.PeakConnections} connections" : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {measure.Seconds:F2} s{speed}, peak working set {measure.PeakMiB} MiB{connections}"));
    }
}
