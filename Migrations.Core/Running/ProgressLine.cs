using System.Diagnostics;

namespace Migrations.Running;

/// <summary>Passes progress on at most once per interval, so a long load logs a line now and then, not per chunk.</summary>
internal sealed class ProgressLine : IProgress<long>
{
    private readonly Action<long> _report;
    private readonly TimeSpan _interval;
    private long _last = Stopwatch.GetTimestamp();

    public ProgressLine(Action<long> report, TimeSpan interval)
    {
        _report = report;
        _interval = interval;
    }

    public void Report(long value)
    {
        if (Stopwatch.GetElapsedTime(_last) < _interval)
        {
            return;
        }

        _last = Stopwatch.GetTimestamp();
        _report(value);
    }
}
