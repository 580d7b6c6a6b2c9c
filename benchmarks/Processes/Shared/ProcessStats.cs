using System.Diagnostics;
using System.Globalization;

namespace Migrations.Benchmarks.Processes;

/// <summary>What the process cost, printed as it exits for the harness to read.</summary>
public static class ProcessStats
{
    public static void Print()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stats cpu_ms={Environment.CpuUsage.TotalTime.TotalMilliseconds:F0} peak_mib={process.PeakWorkingSet64 / 1024.0 / 1024.0:F1}"));
    }
}
