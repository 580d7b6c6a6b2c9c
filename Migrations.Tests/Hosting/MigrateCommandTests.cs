using Migrations.CommandLine;
using Migrations.Tests.Support;

namespace Migrations.Tests.Hosting;

/// <summary>The migrate command line, on a real DuckDB file.</summary>
public class MigrateCommandTests : DuckDbFileTests
{
    [Test]
    public async Task Status_up_script_and_down_do_what_they_say()
    {
        var runner = Db.Runner(typeof(HostingTests.Notes), typeof(MoreNotes));

        var (code, status) = await Run(runner, "status");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(status, Does.Contain("Version  Description  State").And.Contain("1        Notes        pending").And.Contain("0 applied, 2 pending of 2 known; database at version 0."));

        var (_, script) = await Run(runner, "script", "1");
        Assert.That(script, Does.Contain("CREATE TABLE \"main\".\"notes\"").And.Not.Contain("\"more\""));
        Assert.That(Db.Exists("notes"), Is.False, "script runs nothing");

        var (_, up) = await Run(runner, "up");
        Assert.That(up, Does.Contain("applied   1 Notes").And.Contain("applied   2 MoreNotes"));
        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 1L, 2L }));

        var (_, down) = await Run(runner, "down", "1");
        Assert.That(down, Does.Contain("reverted  2 MoreNotes"));
        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 1L }));
        Assert.That((await Run(runner, "status")).Output, Does.Contain("applied ").And.Contain("2        More notes   pending"));
    }

    [Test]
    public async Task Drift_baseline_repair_and_lint_report_and_exit_with_what_they_found()
    {
        var runner = Db.Runner(typeof(HostingTests.Notes), typeof(MoreNotes));
        await runner.MigrateAsync();
        Db.Execute("DROP TABLE __migrations_history");

        var (baselineCode, baseline) = await Run(runner, "baseline", "2");
        var (cleanCode, clean) = await Run(runner, "drift");
        Db.Execute("CREATE TABLE extra (id INTEGER)");
        var (driftCode, drift) = await Run(runner, "drift");
        Db.Execute("UPDATE __migrations_history SET checksum = 'x' WHERE version = 2");
        var (_, repair) = await Run(runner, "repair");
        var (lintCode, lint) = await Run(runner, "lint");

        Assert.That((baselineCode, baseline), Is.EqualTo((0, "recorded  1 Notes \"Notes\"\nrecorded  2 MoreNotes \"More notes\"\n")));
        Assert.That((cleanCode, clean), Is.EqualTo((0, "No drift on DuckDB: the schema is what the migrations up to version 2 make.\n")));
        Assert.That(driftCode, Is.EqualTo(MigrateCommand.FindingsExitCode));
        Assert.That(drift, Does.Contain("not made by the migrations: table main.extra"));
        Assert.That(repair, Is.EqualTo("repaired  2 MoreNotes \"More notes\"\n"));
        Assert.That((lintCode, lint), Is.EqualTo((0, "No findings.\n")));
        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 1L, 2L }));
    }

    [Test]
    public async Task A_missing_argument_is_a_usage_error()
    {
        var (code, output) = await Run(Db.Runner(typeof(HostingTests.Notes)), "down");
        Assert.That(code, Is.EqualTo(MigrateCommand.UsageExitCode));
        Assert.That(output, Is.EqualTo("Required argument missing for command: 'down'.\nUsage: down <version>; run with --help to see the commands and their options.\n"));
    }

    private static async Task<(int Code, string Output)> Run(Migrations.Running.MigrationRunner runner, params string[] args)
    {
        using var output = new StringWriter();
        var code = await MigrateCommand.RunAsync(args, runner, output);
        return (code, output.ToString());
    }

    [Migration(2, "More notes")]
    internal sealed class MoreNotes : Migration
    {
        public override void Up(Migrations.Building.MigrationBuilder m) => m.CreateTable("more", t => t.Column("text", c => c.Text()));
    }
}
