using System.CommandLine;
using Migrations.Running;

namespace Migrations.CommandLine;

/// <summary>
/// <c>migrate status | up [version] | down &lt;version&gt; | script [version] | lint [version] | drift |
/// baseline &lt;version&gt; | repair</c> for an application's own command line:
/// <c>if (args is ["migrate", ..]) return await MigrateCommand.RunAsync(args[1..], runner);</c>
/// Exit codes: 0 done, 1 failed, 2 wrong arguments, 3 the check found something (lint errors, drift).
/// The same commands as the <c>dotnet migrations</c> tool.
/// </summary>
public static class MigrateCommand
{
    /// <summary>The exit code of a check that found something.</summary>
    public const int FindingsExitCode = MigrationCommands.FindingsExitCode;

    /// <summary>The exit code of a command that failed; its message is written to the error output.</summary>
    public const int FailedExitCode = 1;

    /// <summary>The exit code of arguments that do not parse.</summary>
    public const int UsageExitCode = 2;

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
        MigrationCommands.AddTo(root, _ => runner, writer);
        return await InvokeAsync(root, args, writer, output ?? Console.Error, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a command line: wrong arguments give their errors and <see cref="UsageExitCode"/>, a failure its message and <see cref="FailedExitCode"/>.</summary>
    internal static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parsed.Errors.Count > 0 && !parsed.Tokens.Any(t => t.Value is "--help" or "-h" or "-?"))
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message).ConfigureAwait(false);
            }

            var command = parsed.CommandResult.Command;
            var arguments = command.Arguments.Select(a => a.Arity.MinimumNumberOfValues > 0 ? $"<{a.Name}>" : $"[{a.Name}]");
            await error.WriteLineAsync($"Usage: {string.Join(" ", [command.Name, .. arguments])}; run with --help to see the commands and their options.").ConfigureAwait(false);
            return UsageExitCode;
        }

        try
        {
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Every failure ends the command with its message and exit code 1; the messages say what to do.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return FailedExitCode;
        }
    }
}
