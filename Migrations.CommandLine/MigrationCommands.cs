using System.CommandLine;
using Migrations.Running;

namespace Migrations.CommandLine;

/// <summary>
/// The migration commands, written once for the in-app <c>migrate</c> command and the
/// <c>dotnet migrations</c> tool: each gets its runner from the parsed command line when it runs.
/// </summary>
internal static class MigrationCommands
{
    /// <summary>The exit code of a check that found something.</summary>
    public const int FindingsExitCode = 3;

    /// <summary>Adds status, up, down, script, lint, drift, baseline and repair to a root command.</summary>
    /// <param name="root">The command to add them to.</param>
    /// <param name="runner">Creates the runner for the parsed command line.</param>
    /// <param name="writer">Where results are written.</param>
    public static void AddTo(Command root, Func<ParseResult, MigrationRunner> runner, TextWriter writer)
    {
        var status = new Command("status", "Lists every migration: applied (when), pending, changed since applied, or unknown to this build.");
        var json = new Option<bool>("--json") { Description = "Write the status as JSON." };
        status.Options.Add(json);
        status.SetAction(async (result, token) =>
        {
            var migrations = runner(result);
            var found = await migrations.GetStatusAsync(token).ConfigureAwait(false);
            writer.Write(result.GetValue(json) ? StatusJson.Render(found) : StatusTable.Render(found, migrations.Migrations, TerminalText.For(writer)));
            return 0;
        });

        var upVersion = new Argument<long?>("version") { Description = "The version to go up to; the latest when left out.", Arity = ArgumentArity.ZeroOrOne };
        var up = new Command("up", "Applies pending migrations: all, or up to a version.") { upVersion };
        up.SetAction(async (result, token) => Report(writer, result.GetValue(upVersion) is { } version
            ? await runner(result).MigrateToAsync(version, token).ConfigureAwait(false)
            : await runner(result).MigrateAsync(token).ConfigureAwait(false)));

        var downVersion = new Argument<long>("version") { Description = "The version to go down to; 0 reverts everything." };
        var down = new Command("down", "Reverts applied migrations above a version, newest first.") { downVersion };
        down.SetAction(async (result, token) => Report(writer, await runner(result).MigrateToAsync(result.GetValue(downVersion), token).ConfigureAwait(false)));

        var scriptVersion = new Argument<long?>("version") { Description = "The version to script to; the latest when left out.", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the script to this file instead of the output." };
        var from = new Option<long?>("--from") { Description = "Script for a database at this version (0: empty) instead of the connected one; planned in a shadow database." };
        var idempotent = new Option<bool>("--idempotent") { Description = "Skip each migration the database's history already has (PostgreSQL), so one script serves any version." };
        var script = new Command("script", "Prints the exact SQL that up (or a move to the version) would run, without running it.") { scriptVersion, output, from, idempotent };
        script.SetAction(async (result, token) =>
        {
            var sql = result.GetValue(from) is null && !result.GetValue(idempotent)
                ? await runner(result).ScriptAsync(result.GetValue(scriptVersion), token).ConfigureAwait(false)
                : await runner(result).ScriptFromAsync(result.GetValue(from) ?? 0, result.GetValue(scriptVersion), result.GetValue(idempotent), token).ConfigureAwait(false);
            if (result.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, sql, token).ConfigureAwait(false);
                writer.WriteLine($"wrote     {file.FullName}");
            }
            else
            {
                await writer.WriteAsync(sql).ConfigureAwait(false);
            }

            return 0;
        });

        var lintVersion = new Argument<long?>("version") { Description = "The version the checked run would end at; the latest when left out.", Arity = ArgumentArity.ZeroOrOne };
        var lint = new Command("lint", "Lists the safety findings of the pending migrations (locks, rewrites, changes that break the running release); exit code 3 when one is an error.") { lintVersion };
        lint.SetAction(async (result, token) =>
        {
            var report = await runner(result).LintAsync(result.GetValue(lintVersion), token).ConfigureAwait(false);
            writer.WriteLine(report);
            return report.Errors.Count > 0 ? FindingsExitCode : 0;
        });

        var drift = new Command("drift", "Compares the database's schema with the schema its applied migrations make; exit code 3 when they differ.");
        drift.SetAction(async (result, token) =>
        {
            var found = await runner(result).GetDriftAsync(token).ConfigureAwait(false);
            writer.WriteLine(found);
            return found.IsClean ? 0 : FindingsExitCode;
        });

        var baselineVersion = new Argument<long>("version") { Description = "The last migration whose changes the database already has." };
        var noVerify = new Option<bool>("--no-verify") { Description = "Record the migrations without comparing the schema first." };
        var baseline = new Command("baseline", "Records the migrations up to a version as applied without running them, after checking the schema matches: for a database made before migrations were used, or changes made by hand and captured with diff.") { baselineVersion, noVerify };
        baseline.SetAction(async (result, token) =>
        {
            foreach (var recorded in await runner(result).BaselineAsync(result.GetValue(baselineVersion), !result.GetValue(noVerify), token).ConfigureAwait(false))
            {
                writer.WriteLine($"recorded  {recorded}");
            }

            return 0;
        });

        var repair = new Command("repair", "Records the current checksums and descriptions of applied migrations that were edited since.");
        repair.SetAction(async (result, token) =>
        {
            var repaired = await runner(result).RepairAsync(token).ConfigureAwait(false);
            writer.WriteLine(repaired.Count == 0 ? "Nothing to repair: every applied migration matches its history row." : string.Join(Environment.NewLine, repaired.Select(r => $"repaired  {r}")));
            return 0;
        });

        foreach (var command in new[] { status, up, down, script, lint, drift, baseline, repair })
        {
            root.Subcommands.Add(command);
        }
    }

    private static int Report(TextWriter writer, MigrationResult result)
    {
        var paint = TerminalText.For(writer);
        if (result.NothingToDo)
        {
            writer.WriteLine("Nothing to do: the database is already at the requested version.");
        }

        foreach (var applied in result.Applied)
        {
            writer.WriteLine($"{paint.Good("applied")}   {applied}");
        }

        foreach (var reverted in result.Reverted)
        {
            writer.WriteLine($"{paint.Waiting("reverted")}  {reverted}");
        }

        return 0;
    }
}
