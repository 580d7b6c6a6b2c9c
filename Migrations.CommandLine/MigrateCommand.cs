using System.CommandLine;
using Migrations.Running;

namespace Migrations.CommandLine;

/// <summary>
/// <c>migrate status | up | down &lt;version&gt; | script [version]</c> for an application's own
/// command line: <c>if (args is ["migrate", ..]) return await MigrateCommand.RunAsync(args[1..], runner);</c>
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

        root.Subcommands.Add(status);
        root.Subcommands.Add(up);
        root.Subcommands.Add(down);
        root.Subcommands.Add(script);
        var configuration = new InvocationConfiguration { Output = writer, Error = output ?? Console.Error };
        return await root.Parse(args).InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

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
