using System.Diagnostics;
using System.Globalization;
using System.Text;
using Migrations.Postgres;
using Migrations.Running;
using Migrations.Testing;
using Npgsql;

namespace Migrations.Benchmarks;

/// <summary>The runner on PostgreSQL next to raw Npgsql and psql, against a throwaway local server.</summary>
internal static class PostgresBenchmarks
{
    public static async Task RunAsync(Action<string, double, double, string> report, string directory)
    {
        await using var server = await PostgresTestServer.StartAsync();
        await Apply300(server, report);
        await NoOp(server, report);
        await Seed(server, report, directory);
    }

    private static async Task Apply300(PostgresTestServer server, Action<string, double, double, string> report)
    {
        var assembly = GeneratedMigrations.Create("PgApply", 300, typeof(Workloads).GetMethod(nameof(Workloads.TableColumnIndex))!);
        var runs = new List<double>();
        var floors = new List<double>();
        for (var round = 0; round < 6; round++)
        {
            // Alternate which side goes first: the second of a pair runs on a warmer server.
            foreach (var runnerSide in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                var database = await server.CreateDatabaseAsync(runnerSide ? "apply" : "floor");
                await Settle(server);
                var watch = Stopwatch.StartNew();
                if (runnerSide)
                {
                    var options = new MigrationRunnerOptions();
                    options.Assemblies.Add(assembly);
                    await using var dialect = new PostgresDialect(database);
                    await new MigrationRunner(dialect, options).MigrateAsync();
                    runs.Add(watch.Elapsed.TotalMilliseconds);
                }
                else
                {
                    await ApplyByHand(database, 300);
                    floors.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        report("PostgreSQL: apply 300 migrations (create table + add column + index)", Median(runs), Median(floors), "same statements, transactions and history rows through Npgsql");
    }

    private static async Task ApplyByHand(string connectionString, int migrations)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await Execute(connection, "SELECT pg_advisory_lock(1)");
        await Execute(connection, "CREATE TABLE IF NOT EXISTS \"public\".\"__migrations_history\" (version bigint PRIMARY KEY, description text NOT NULL, applied_at timestamp with time zone NOT NULL, execution_ms bigint NOT NULL, checksum text NOT NULL)");
        for (var version = 1L; version <= migrations; version++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await Execute(connection, $"CREATE TABLE \"public\".\"t{version}\" (\"id\" bigint, \"name\" text)");
            await Execute(connection, $"ALTER TABLE \"public\".\"t{version}\" ADD COLUMN \"extra\" integer");
            await Execute(connection, $"CREATE INDEX \"ix_t{version}_name\" ON \"public\".\"t{version}\" (\"name\")");
            await using var insert = new NpgsqlCommand("INSERT INTO \"public\".\"__migrations_history\" VALUES ($1, $2, now(), $3, $4)", connection)
            {
                Parameters = { new() { Value = version }, new() { Value = $"Generated {version}" }, new() { Value = 0L }, new() { Value = "0" } },
            };
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        await Execute(connection, "SELECT pg_advisory_unlock(1)");
    }

    private static async Task NoOp(PostgresTestServer server, Action<string, double, double, string> report)
    {
        var assembly = GeneratedMigrations.Create("PgNoOp", 1000, typeof(Workloads).GetMethod(nameof(Workloads.SmallTable))!);
        var database = await server.CreateDatabaseAsync("noop");
        var options = new MigrationRunnerOptions();
        options.Assemblies.Add(assembly);
        await using var dialect = new PostgresDialect(database);
        var runner = new MigrationRunner(dialect, options);
        await runner.MigrateAsync();
        await using var dataSource = NpgsqlDataSource.Create(database);

        var ours = await Time(200, async () => await runner.MigrateAsync());
        var floor = await Time(200, async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("SELECT version, checksum FROM \"public\".\"__migrations_history\" ORDER BY version", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _ = (reader.GetInt64(0), reader.GetString(1));
            }
        });
        report("PostgreSQL: no-op at head, 1,000 migrations", ours, floor, "open a pooled connection + read history through Npgsql");
    }

    private static async Task Seed(PostgresTestServer server, Action<string, double, double, string> report, string directory)
    {
        var csv = Path.Combine(directory, "seed.csv");
        var text = new StringBuilder();
        foreach (var row in Seed200k.Data)
        {
            text.Append(CultureInfo.InvariantCulture, $"{row[0]},\"{row[1]}\",{row[2]},{(DateTime)row[3]!:yyyy-MM-dd HH:mm:ss}+00\n");
        }

        await File.WriteAllTextAsync(csv, text.ToString());
        var runs = new List<double>();
        var floors = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var database = await server.CreateDatabaseAsync("seed");
            await using (var dialect = new PostgresDialect(database))
            {
                var runner = new MigrationRunner(dialect, new MigrationRunnerOptions().Add(typeof(SeedTable), typeof(Seed200k)));
                await runner.MigrateToAsync(1);
                var watch = Stopwatch.StartNew();
                await runner.MigrateAsync();
                runs.Add(watch.Elapsed.TotalMilliseconds);
            }

            var floorDatabase = await server.CreateDatabaseAsync("psql");
            await using (var connection = new NpgsqlConnection(floorDatabase))
            {
                await connection.OpenAsync();
                await Execute(connection, SeedTable.Sql);
            }

            floors.Add(await Psql(floorDatabase, $"\\copy seed FROM '{csv}' CSV"));
        }

        report("PostgreSQL: seed 200,000 rows (COPY in the migration's transaction)", Median(runs), Median(floors), "psql \\copy of the same rows from CSV, process start included");
    }

    /// <summary>Flushes what CREATE DATABASE left behind, so that neither side pays for the other's writes.</summary>
    private static async Task Settle(PostgresTestServer server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, "CHECKPOINT");
    }

    private static async Task<double> Psql(string connectionString, string command)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var run = await ChildProcess.RunAsync("psql", ["-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!, "-d", builder.Database!, "-v", "ON_ERROR_STOP=1", "-c", command]);
        return run.ExitCode == 0 ? run.Elapsed.TotalMilliseconds : throw new InvalidOperationException(run.Error);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<double> Time(int iterations, Func<Task> action)
    {
        for (var i = 0; i < 10; i++)
        {
            await action();
        }

        var samples = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Median(samples);
    }

    private static double Median(List<double> samples)
    {
        samples.Sort();
        return samples[samples.Count / 2];
    }
}
