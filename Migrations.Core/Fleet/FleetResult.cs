using System.Globalization;
using System.Text;

namespace Migrations.Fleet;

/// <summary>How every target of a fleet run ended, in the order the targets were listed.</summary>
/// <param name="Targets">One result per target.</param>
public sealed record FleetResult(IReadOnlyList<FleetTargetResult> Targets)
{
    /// <summary>Whether every target is at the requested version (migrated or already up to date).</summary>
    public bool Succeeded => Targets.All(t => t.Outcome is FleetOutcome.Migrated or FleetOutcome.UpToDate);

    /// <summary>How many targets ended each way.</summary>
    public IReadOnlyDictionary<FleetOutcome, int> Counts => Targets.GroupBy(t => t.Outcome).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>One line per target, then the counts.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        var width = Targets.Select(t => t.Target.Length).DefaultIfEmpty(6).Max();
        foreach (var t in Targets)
        {
            var detail = t.Outcome switch
            {
                FleetOutcome.Migrated => $"applied {t.Result!.Applied.Count}, reverted {t.Result.Reverted.Count}",
                FleetOutcome.UpToDate or FleetOutcome.NotStarted => "",
                _ => t.Error?.Split('\n')[0] ?? "",
            };
            text.AppendLine($"{t.Target.PadRight(width)}  {t.Outcome,-10}  {detail}".TrimEnd());
        }

        text.Append(string.Join(", ", Counts.OrderBy(c => c.Key).Select(c => $"{c.Value} {c.Key}"))).Append(CultureInfo.InvariantCulture, $" of {Targets.Count} targets.");
        return text.ToString();
    }
}
