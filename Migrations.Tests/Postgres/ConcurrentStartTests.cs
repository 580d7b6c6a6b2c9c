using System.Diagnostics;
using Migrations.Tests.Support;

namespace Migrations.Tests.Postgres;

/// <summary>Several OS processes migrating one empty database at the same moment, as app instances starting together do.</summary>
public class ConcurrentStartTests : PostgresTests
{
    private const int Processes = 6;

    [Test]
    public async Task Six_processes_at_once_all_succeed_and_apply_each_migration_once()
    {
        var worker = BuiltProgram.Path("Migrations.Tests.Worker");
        var processes = Enumerable.Range(0, Processes).Select(_ => Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { worker, ConnectionString },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!).ToList();

        var results = await Task.WhenAll(processes.Select(async p =>
        {
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await p.WaitForExitAsync(timeout.Token);
            return (p.ExitCode, Output: await output, Error: await error);
        }));

        Assert.That(results.Select(r => r.ExitCode), Is.All.EqualTo(0), string.Join("\n", results.Select(r => r.Error)));
        Assert.That(HistoryVersions(), Is.EqualTo(new[] { 1L, 2L, 3L, 4L, 5L, 6L }));
        Assert.That(Rows("SELECT version, count(*) FROM applied_log GROUP BY version ORDER BY version").Select(r => $"{r[0]}x{r[1]}"),
            Is.EqualTo(new[] { "1x1", "2x1", "3x1", "4x1", "5x1", "6x1" }), "every migration's work was done exactly once");
        Assert.That(results.Count(r => r.Output.StartsWith("applied 6", StringComparison.Ordinal)), Is.EqualTo(1), "one process applied everything");
        Assert.That(results.Count(r => r.Output.StartsWith("applied 0", StringComparison.Ordinal)), Is.EqualTo(Processes - 1), "the others found it done");
        Assert.That(Scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"), Is.EqualTo(0L), "no lock is left behind");
    }
}
