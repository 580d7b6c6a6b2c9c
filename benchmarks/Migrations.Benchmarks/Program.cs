// Benchmarks for the runner on DuckDB, each next to its raw-SQL floor in the same run.
// Run: dotnet run -c Release --project benchmarks/Migrations.Benchmarks [-- runner|apply|seed|rebuild|merged-rebuild|postgres|testkit|safedeploy|processes [pairs]|fleet [files] [databases]]
using System.Diagnostics;
using System.Globalization;
using Migrations.Benchmarks;
using Migrations.DuckDb;
using DuckDB.NET.Data;
using Migrations.Running;

var directory = Directory.CreateTempSubdirectory("migrations-bench-").FullName;
Console.WriteLine($"DuckDB {new DuckDBConnection().ServerVersion}, .NET {Environment.Version}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");

var only = args.Length > 0 ? args[0] : "all";
if (only is "all" or "runner")
{
    await NoOpAtHead();
}

if (only is "all" or "runner" or "apply")
{
    await Apply300();
}

if (only is "all" or "runner" or "seed")
{
    var (seed, seedFloor) = await DuckDbSeedBenchmarks.RunAsync(directory, rounds: 5);
    Report($"seed {DuckDbSeedBenchmarks.Rows:N0} rows in one migration", seed, seedFloor, "appender loop by hand, in a transaction");
}

if (only is "all" or "rebuild")
{
    await Rebuilds();
}

if (only is "all" or "rebuild" or "merged-rebuild")
{
    var (merged, mergedFloor) = await RebuildBenchmarks.ThreeChangesToIndexedTable(directory, 2_000_000, rounds: 5);
    Report("drop, retype and rename columns of a 2M-row indexed table in one migration", merged, mergedFloor, "one copy aside and back by hand");
}

if (only is "all" or "postgres")
{
    await PostgresBenchmarks.RunAsync(Report, directory);
}

if (only is "all" or "testkit")
{
    await TestKitBenchmarks.RunAsync(Report, directory);
}

if (only is "all" or "safedeploy")
{
    await SafeDeployBenchmarks.RunAsync();
}

if (only is "processes")
{
    // Not part of "all": it publishes three apps and starts each once per measurement.
    // Optionally one workload: apply, noop, seed, concurrent (six processes at once), r2r (both apps published ReadyToRun) or aot (both with NativeAOT).
    await ProcessBenchmarks.RunAsync(directory, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10, args.Length > 2 ? args[2] : null);
}

if (only is "fleet")
{
    // Not part of "all": it makes 5,000 files and 1,000 databases.
    await FleetBenchmarks.RunAsync(directory, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200);
}

Directory.Delete(directory, recursive: true);

async Task Rebuilds()
{
    var (pk, pkFloor) = await RebuildBenchmarks.PrimaryKeyTable(directory, 5_000_000, rounds: 3);
    Report("rebuild a 5M-row table with a primary key (add a check)", pk, pkFloor, "hand-written rebuild recipe");
    var (fk, fkFloor) = await RebuildBenchmarks.ParentWithChildren(directory, 1_000_000, 5_000_000, rounds: 3);
    Report("NOT NULL column on 1M customers referenced by 5M orders", fk, fkFloor, "the research sheet's recipe");
}

async Task NoOpAtHead()
{
    const int migrations = 1000;
    var assembly = GeneratedMigrations.Create("NoOp", migrations, typeof(Workloads).GetMethod(nameof(Workloads.SmallTable))!);
    var path = Path.Combine(directory, "noop.duckdb");
    var options = new MigrationRunnerOptions();
    options.Assemblies.Add(assembly);

    var discovery = Stopwatch.StartNew();
    var runner = new MigrationRunner(new DuckDbDialect($"Data Source={path}"), options);
    _ = runner.Migrations;
    discovery.Stop();
    await runner.MigrateAsync();

    // Usual case: the app already has the database open, so the run reuses the instance.
    using var appConnection = new DuckDBConnection($"Data Source={path}");
    appConnection.Open();
    // Alternated, after enough calls for the JIT to have optimised both sides' code.
    var (warm, floorWarm) = await MedianPair(500, 200, async () => await runner.MigrateAsync(), () => ReadHistoryByHand(path));
    appConnection.Close();

    // Cold: nothing else holds the file, so every run opens and closes the database.
    var cold = await Median(20, async () => await runner.MigrateAsync());
    var floorCold = await Median(20, () => ReadHistoryByHand(path));

    // A new process's first run: discovery, then every applied migration's checksum, compared with its history row.
    var firstRuns = new List<double>();
    for (var i = 0; i < 5; i++)
    {
        var first = Stopwatch.StartNew();
        await new MigrationRunner(new DuckDbDialect($"Data Source={path}"), options).MigrateAsync();
        firstRuns.Add(first.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine($"no-op at head, {migrations} migrations: discovery (first call) {discovery.Elapsed.TotalMilliseconds:F2} ms; a new runner's first run (discovery, checksums of every applied migration, history read) {MedianOf(firstRuns):F2} ms");
    Report("no-op at head, database already open", warm, floorWarm, "open + read history by hand");
    Report("no-op at head, database opened per run", cold, floorCold, "open + read history by hand");
}

async Task Apply300()
{
    const int migrations = 300;
    var assembly = GeneratedMigrations.Create("Apply", migrations, typeof(Workloads).GetMethod(nameof(Workloads.TableColumnIndex))!);
    var runs = new List<double>();
    var floors = new List<double>();
    for (var round = 0; round < 5; round++)
    {
        // Alternate the order so that neither side always runs on a warmer machine.
        var runnerFirst = round % 2 == 0;
        for (var side = 0; side < 2; side++)
        {
            var path = Path.Combine(directory, $"apply-{round}-{side}.duckdb");
            if ((side == 0) == runnerFirst)
            {
                var options = new MigrationRunnerOptions();
                options.Assemblies.Add(assembly);
                var runner = new MigrationRunner(new DuckDbDialect($"Data Source={path}"), options);
                var watch = Stopwatch.StartNew();
                await runner.MigrateAsync();
                runs.Add(watch.Elapsed.TotalMilliseconds);
            }
            else
            {
                var watch = Stopwatch.StartNew();
                ApplyByHand(path, migrations);
                floors.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
    }

    Report($"apply {migrations} migrations (create table + add column + index) to a file", MedianOf(runs), MedianOf(floors), "same statements, transactions and history rows by hand");
}

// The floor: the same statements the runner sends, one transaction per migration with its history row.
void ApplyByHand(string path, int migrations)
{
    using var connection = new DuckDBConnection($"Data Source={path}");
    connection.Open();
    Exec(connection, "CREATE TABLE IF NOT EXISTS \"main\".\"__migrations_history\" (version BIGINT PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL, execution_ms BIGINT NOT NULL, checksum VARCHAR NOT NULL)");
    for (var version = 1L; version <= migrations; version++)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var sql in Workloads.TableColumnIndexSql(version))
        {
            Exec(connection, sql);
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO \"main\".\"__migrations_history\" (version, description, applied_at, execution_ms, checksum) VALUES ($1, $2, current_timestamp, $3, $4)";
        insert.Parameters.Add(new DuckDBParameter(version));
        insert.Parameters.Add(new DuckDBParameter($"Generated {version}"));
        insert.Parameters.Add(new DuckDBParameter(0L));
        insert.Parameters.Add(new DuckDBParameter("0"));
        insert.ExecuteNonQuery();
        transaction.Commit();
    }
}

Task ReadHistoryByHand(string path)
{
    using var connection = new DuckDBConnection($"Data Source={path}");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT version, checksum FROM \"main\".\"__migrations_history\" ORDER BY version";
    using var reader = command.ExecuteReader();
    // The same query, and the same columns of each row, as the runner's start at head.
    while (reader.Read())
    {
        _ = (reader.GetInt64(0), reader.GetString(1));
    }

    return Task.CompletedTask;
}

static void Exec(DuckDBConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static async Task<double> Median(int iterations, Func<Task> action)
{
    for (var i = 0; i < Math.Min(10, iterations); i++)
    {
        await action();
    }

    var samples = new List<double>(iterations);
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        await action();
        samples.Add(watch.Elapsed.TotalMilliseconds);
    }

    return MedianOf(samples);
}

static async Task<(double First, double Second)> MedianPair(int warmUp, int iterations, Func<Task> first, Func<Task> second)
{
    for (var i = 0; i < warmUp; i++)
    {
        await first();
        await second();
    }

    var (a, b) = (new List<double>(iterations), new List<double>(iterations));
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        await first();
        a.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        await second();
        b.Add(watch.Elapsed.TotalMilliseconds);
    }

    return (MedianOf(a), MedianOf(b));
}

static double MedianOf(List<double> samples)
{
    samples.Sort();
    return samples[samples.Count / 2];
}

static void Report(string name, double ours, double floor, string floorName) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: runner {ours:F2} ms, floor ({floorName}) {floor:F2} ms, ratio {ours / floor:F2}x"));
