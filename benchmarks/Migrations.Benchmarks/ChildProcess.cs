using System.Diagnostics;

namespace Migrations.Benchmarks;

/// <summary>A process the benchmarks start and wait for: its exit code, what it wrote, and how long it ran from start to exit.</summary>
internal sealed record ChildProcess(int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    public static async Task<ChildProcess> RunAsync(string executable, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        return new ChildProcess(process.ExitCode, await output, await error, watch.Elapsed);
    }
}
