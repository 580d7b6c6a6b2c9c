using System.CommandLine;
using Migrations.Running;

namespace Migrations.CommandLine;

/// <summary>
/// <c>migrate status | up | down &lt;version&gt; | script [version] | lint [version] | drift |
/// baseline &lt;version&gt; | repair</c> for an application's own command line:
/// <c>if (args is ["migrate", ..]) return await MigrateCommand.RunAsync(args[1..], runner);</c>
/// Exit codes: 0 done, 1 failed or wrong arguments, 3 the check found something (lint errors, drift).
/// </summary>
public static class MigrateCommand
{
    /// <summary>Parses the arguments, runs the command and returns the process exit code.</summary>
    /// <param name="args">The arguments after <c>migrate</c>.</param>
    /// <param name="runner">The application's runner.</param>
    /// <param name="output">Where to write; the console when null.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public static async Task<int> RunAsync(string[] args, MigrationRunner runner, TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var writer = output ?? Console.Out;
        var root = new RootCommand("Applies, reverts and shows the application's database migrations.");

        var status = new Command("status", "Lists every migration: applied (when), pending, changed since applied, or unknown to this build.");
        status.SetAction(async (_, token) =>
        {
            writer.Write(StatusTable.Render(await runner.GetStatusAsync(token).ConfigureAwait(false), runner.Migrations));
            return 0;
        });

        var up = new Command("up", "Applies every pending migration.");
        up.SetAction(async (_, token) => Report(writer, await runner.MigrateAsync(token).ConfigureAwait(false)));

        var downVersion = new Argument<long>("version") { Description = "The version to go down to; 0 reverts everything." };
        var down = new Command("down", "Reverts applied migrations above a version, newest first.") { downVersion };
        down.SetAction(async (result, token) => Report(writer, await runner.MigrateToAsync(result.GetValue(downVersion), token).ConfigureAwait(false)));

        var scriptVersion = new Argument<long?>("version") { Description = "The version to script to; the latest when left out.", Arity = ArgumentArity.ZeroOrOne };
        var script = new Command("script", "Prints the exact SQL that up (or a move to the version) would run, without running it.") { scriptVersion };
        script.SetAction(async (result, token) =>
        {
            await writer.WriteAsync(await runner.ScriptAsync(result.GetValue(scriptVersion), token).ConfigureAwait(false)).ConfigureAwait(false);
            return 0;
        });

        var lintVersion = new Argument<long?>("version") { Description = "The version the checked run would end at; the latest when left out.", Arity = ArgumentArity.ZeroOrOne };
        var lint = new Command("lint", "Lists the safety findings of the pending migrations (locks, rewrites, changes that break the running release); exit code 3 when one is an error.") { lintVersion };
        lint.SetAction(async (result, token) =>
        {
            var report = await runner.LintAsync(result.GetValue(lintVersion), token).ConfigureAwait(false);
            writer.WriteLine(report);
            return report.Errors.Count > 0 ? FindingsExitCode : 0;
        });

        var drift = new Command("drift", "Compares the database's schema with the schema its applied migrations make; exit code 3 when they differ.");
        drift.SetAction(async (_, token) =>
        {
            var found = await runner.GetDriftAsync(token).ConfigureAwait(false);
            writer.WriteLine(found);
            return found.IsClean ? 0 : FindingsExitCode;
        });

        var baselineVersion = new Argument<long>("version") { Description = "The last migration whose changes the database already has." };
        var noVerify = new Option<bool>("--no-verify") { Description = "Record the migrations without comparing the schema first." };
        var baseline = new Command("baseline", "Records the migrations up to a version as applied without running them, for a database made before migrations were used.") { baselineVersion, noVerify };
        baseline.SetAction(async (result, token) =>
        {
            foreach (var recorded in await runner.BaselineAsync(result.GetValue(baselineVersion), !result.GetValue(noVerify), token).ConfigureAwait(false))
            {
                writer.WriteLine($"recorded  {recorded}");
            }

            return 0;
        });

        var repair = new Command("repair", "Records the current checksums and descriptions of applied migrations that were edited since.");
        repair.SetAction(async (_, token) =>
        {
            var repaired = await runner.RepairAsync(token).ConfigureAwait(false);
            writer.WriteLine(repaired.Count == 0 ? "Nothing to repair: every applied migration matches its history row." : string.Join(Environment.NewLine, repaired.Select(r => $"repaired  {r}")));
            return 0;
        });

        root.Subcommands.Add(status);
        root.Subcommands.Add(up);
        root.Subcommands.Add(down);
        root.Subcommands.Add(script);
        root.Subcommands.Add(lint);
        root.Subcommands.Add(drift);
        root.Subcommands.Add(baseline);
        root.Subcommands.Add(repair);
        var configuration = new InvocationConfiguration { Output = writer, Error = output ?? Console.Error };
        return await root.Parse(args).InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The exit code of a check that found something.</summary>
    public const int FindingsExitCode = 3;

    private static int Report(TextWriter writer, MigrationResult result)
    {
        if (result.NothingToDo)
        {
            writer.WriteLine("Nothing to do: the database is already at the requested version.");
        }

        foreach (var applied in result.Applied)
        {
            writer.WriteLine($"applied   {applied}");
        }

        foreach (var reverted in result.Reverted)
        {
            writer.WriteLine($"reverted  {reverted}");
        }

        return 0;
    }
}
