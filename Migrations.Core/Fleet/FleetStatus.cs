using System.Globalization;
using System.Text;

namespace Migrations.Fleet;

/// <summary>Where every target of a fleet stands, in the order the targets were listed.</summary>
/// <param name="Targets">One status per target.</param>
public sealed record FleetStatus(IReadOnlyList<FleetTargetStatus> Targets)
{
    /// <summary>How many readable targets are at each version.</summary>
    public IReadOnlyDictionary<long, int> ByVersion =>
        Targets.Where(t => t.Status is not null).GroupBy(t => t.Status!.CurrentVersion).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Whether every target is readable, up to date, unedited and (where compared) without drift.</summary>
    public bool AllGood => Targets.All(t => t.Status is { IsUpToDate: true, Changed.Count: 0 } && t.Drift?.IsClean != false);

    /// <summary>One line per target, then how many are at each version.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        var width = Targets.Select(t => t.Target.Length).DefaultIfEmpty(6).Max();
        foreach (var t in Targets)
        {
            var state = t.Status is not { } s
                ? $"unreadable: {t.Error?.Split('\n')[0]}"
                : $"version {s.CurrentVersion}, {s.Pending.Count} pending" +
                  (s.Changed.Count > 0 ? $", {s.Changed.Count} edited since applied" : "") +
                  (t.Drift is { IsClean: false } d ? $", drift ({d.Differences.Count} differences)" : "");
            text.AppendLine(CultureInfo.InvariantCulture, $"{t.Target.PadRight(width)}  {state}");
        }

        text.Append(string.Join(", ", ByVersion.Select(v => $"{v.Value} at {v.Key}")));
        var unreadable = Targets.Count(t => t.Status is null);
        text.Append(unreadable > 0 ? $"{(ByVersion.Count > 0 ? ", " : "")}{unreadable} unreadable" : "").Append(CultureInfo.InvariantCulture, $" of {Targets.Count} targets.");
        return text.ToString();
    }
}
