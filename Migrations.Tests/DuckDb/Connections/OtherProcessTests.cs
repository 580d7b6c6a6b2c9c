using System.Diagnostics;
using Migrations.Building;
using Migrations.DuckDb;
using Migrations.DuckDb.Connections;
using Migrations.Running;
using Migrations.Tests.Support;

namespace Migrations.Tests.DuckDb.Connections;

/// <summary>Another process with the DuckDB file open: the runner waits up to LockTimeout, then names the other process.</summary>
public class OtherProcessTests : DuckDbFileTests
{
    [Test]
    public async Task The_runner_waits_for_another_process_to_let_go_of_the_file()
    {
        using var holder = await HoldAsync(milliseconds: 1500);
        var watch = Stopwatch.StartNew();

        await Runner(TimeSpan.FromSeconds(30)).MigrateAsync();

        Assert.That(watch.Elapsed, Is.GreaterThan(TimeSpan.FromMilliseconds(500)), "it waited");
        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 1L }));
    }

    [Test]
    public async Task After_the_lock_timeout_the_error_names_the_other_process()
    {
        using var holder = await HoldAsync(milliseconds: 20_000);

        var error = Assert.ThrowsAsync<TimeoutException>(() => Runner(TimeSpan.FromMilliseconds(700)).MigrateAsync());

        Assert.That(error!.Message, Does.Contain("another process has the DuckDB file open").And.Contain($"PID {holder.Id}").And.Contain("Raise LockTimeout"));
        holder.Kill();
        await holder.WaitForExitAsync();
        Assert.That(Db.HistoryVersions(), Is.Empty);
    }

    [Test]
    public async Task The_error_names_the_other_process_also_when_the_wait_ends_while_this_process_opens_another_file()
    {
        using var holder = await HoldAsync(milliseconds: 20_000);
        var run = Runner(TimeSpan.FromMilliseconds(700)).MigrateAsync();

        // Once the runner has found the file held and waits to try again, this process opens other
        // files (as a fleet does) until the runner's wait is over: it ends waiting for its turn to open.
        await Task.Delay(200);
        await ConnectionOpener.FromConnectionString.Gate.WaitAsync();
        try
        {
            var error = Assert.ThrowsAsync<TimeoutException>(() => run);
            Assert.That(error!.Message, Does.Contain("another process has the DuckDB file open").And.Contain($"PID {holder.Id}"));
        }
        finally
        {
            ConnectionOpener.FromConnectionString.Gate.Release();
        }

        holder.Kill();
        await holder.WaitForExitAsync();
    }

    [Test]
    public async Task A_refused_migration_is_reported_at_once_while_another_process_holds_the_file()
    {
        using var holder = await HoldAsync(milliseconds: 20_000);
        var watch = Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<MigrationValidationException>(() =>
            new MigrationRunner(new DuckDbDialect(Db.ConnectionString), new MigrationRunnerOptions { LockTimeout = TimeSpan.FromSeconds(15) }.Add(typeof(Unversioned))).MigrateAsync());

        Assert.That(error!.Message, Does.Contain("has no [Migration(version, \"description\")] attribute"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "it did not wait for the file");
        holder.Kill();
        await holder.WaitForExitAsync();
        Assert.That(Db.HistoryVersions(), Is.Empty);
    }

    private MigrationRunner Runner(TimeSpan lockTimeout) =>
        new(new DuckDbDialect(Db.ConnectionString), new MigrationRunnerOptions { LockTimeout = lockTimeout }.Add(typeof(Notes)));

    private async Task<Process> HoldAsync(int milliseconds)
    {
        var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { BuiltProgram.Path("Migrations.Tests.Worker"), "hold-duckdb", Db.Path, milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
        })!;
        Assert.That(await process.StandardOutput.ReadLineAsync(), Is.EqualTo("holding"));
        return process;
    }

    /// <summary>Refused before any SQL: a migration class without its attribute.</summary>
    internal sealed class Unversioned : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("unversioned", t => t.Column("body", c => c.String()));
    }

    [Migration(1, "Notes")]
    internal sealed class Notes : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("notes", t => t.Column("body", c => c.String()));
    }
}
