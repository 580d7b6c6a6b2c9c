using System.Diagnostics;
using DuckDB.NET.Data;
using Migrations.DuckDb;
using Migrations.Fleet;
using Migrations.Running;
using Migrations.Tests.Support;

namespace Migrations.Tests.Fleet;

/// <summary>A folder of DuckDB files migrated as a fleet; every file's history and tables are read back.</summary>
public class DuckDbFleetTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Directory.CreateTempSubdirectory("migrations-fleet-").FullName;
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            Execute(name, "CREATE TABLE notes (body VARCHAR)");
        }
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_failing_file_leaves_the_others_migrated_and_a_second_run_finishes_it()
    {
        Execute("c", "CREATE TABLE invoices (x INTEGER)");

        var first = await Fleet(new FleetOptions { MaxParallelism = 2 }).MigrateAsync();

        Assert.That(first.Targets.Select(t => $"{t.Target}:{t.Outcome}"), Is.EqualTo(new[] { "a.duckdb:Migrated", "b.duckdb:Migrated", "c.duckdb:Failed", "d.duckdb:Migrated", "e.duckdb:Migrated" }));
        Assert.That(first.Targets[2].Error, Does.Contain("invoices"));
        Assert.That(first.Succeeded, Is.False);
        foreach (var name in new[] { "a", "b", "d", "e" })
        {
            Assert.That(History(name), Is.EqualTo(new[] { 1L, 2L, 3L }), name);
        }

        Assert.That(History("c"), Does.Not.Contain(2L));
        Assert.That(Scalar("c", "SELECT string_agg(column_name, ',') FROM duckdb_columns() WHERE table_name = 'invoices'"), Is.EqualTo("x"), "the failed file's table is as it was");

        Execute("c", "DROP TABLE invoices");
        var second = await Fleet(new FleetOptions { MaxParallelism = 2 }).MigrateAsync();
        var status = await Fleet(new FleetOptions()).GetStatusAsync();

        Assert.That(second.Targets.Select(t => t.Outcome), Is.EqualTo(new[] { FleetOutcome.UpToDate, FleetOutcome.UpToDate, FleetOutcome.Migrated, FleetOutcome.UpToDate, FleetOutcome.UpToDate }));
        Assert.That(History("c"), Is.EqualTo(new[] { 1L, 2L, 3L }));
        Assert.That(status.ByVersion, Is.EqualTo(new Dictionary<long, int> { [3] = 5 }));
        Assert.That(status.AllGood);
    }

    [Test]
    public async Task A_file_another_process_holds_is_reported_busy_and_left_alone()
    {
        using var holder = await HoldAsync("b", 10_000);
        var stopwatch = Stopwatch.StartNew();

        var result = await Fleet(new FleetOptions { BusyWait = TimeSpan.FromMilliseconds(500) }).MigrateAsync();

        Assert.That(result.Targets.Select(t => $"{t.Target}:{t.Outcome}"), Is.EqualTo(new[] { "a.duckdb:Migrated", "b.duckdb:Busy", "c.duckdb:Migrated", "d.duckdb:Migrated", "e.duckdb:Migrated" }));
        Assert.That(result.Targets[1].Error, Does.Contain("another process has the DuckDB file open"));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(9)), "the busy file was given up after BusyWait, not waited for");
        holder.Kill();
        await holder.WaitForExitAsync();
        Assert.That(History("b"), Is.Empty);
    }

    [Test]
    public async Task Stop_on_first_failure_and_a_failing_canary_start_nothing_more()
    {
        Execute("a", "CREATE TABLE invoices (x INTEGER)");

        var canary = await Fleet(new FleetOptions { Canaries = 1 }).MigrateAsync();
        var stopping = await Fleet(new FleetOptions { MaxParallelism = 1, StopOnFirstFailure = true }).MigrateAsync();

        Assert.That(canary.Targets.Select(t => t.Outcome), Is.EqualTo(new[] { FleetOutcome.Failed, FleetOutcome.NotStarted, FleetOutcome.NotStarted, FleetOutcome.NotStarted, FleetOutcome.NotStarted }));
        Assert.That(stopping.Targets.Select(t => t.Outcome), Is.EqualTo(new[] { FleetOutcome.Failed, FleetOutcome.NotStarted, FleetOutcome.NotStarted, FleetOutcome.NotStarted, FleetOutcome.NotStarted }));
        Assert.That(new[] { "b", "c", "d", "e" }.Select(History), Is.All.Empty);
    }

    private FleetRunner Fleet(FleetOptions options) =>
        new(DuckDbFleet.Files(_folder), new MigrationRunnerOptions().Add(FleetMigrations.All), options);

    private string PathOf(string name) => Path.Combine(_folder, name + ".duckdb");

    private void Execute(string name, string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={PathOf(name)}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string name, string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={PathOf(name)}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private List<long> History(string name)
    {
        using var connection = new DuckDBConnection($"Data Source={PathOf(name)}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM duckdb_tables() WHERE table_name = '__migrations_history'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return [];
        }

        command.CommandText = "SELECT version FROM __migrations_history ORDER BY version";
        using var reader = command.ExecuteReader();
        var versions = new List<long>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt64(0));
        }

        return versions;
    }

    private async Task<Process> HoldAsync(string name, int milliseconds)
    {
        var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { BuiltProgram.Path("Migrations.Tests.Worker"), "hold-duckdb", PathOf(name), milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
        })!;
        Assert.That(await process.StandardOutput.ReadLineAsync(), Is.EqualTo("holding"));
        return process;
    }
}
