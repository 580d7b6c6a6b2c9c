using System.Text;

namespace Migrations.Linting;

/// <summary>The safety findings of the migrations a run would apply.</summary>
/// <param name="Findings">Every finding in migration order, accepted ones included.</param>
public sealed record LintReport(IReadOnlyList<LintFinding> Findings)
{
    /// <summary>Findings no suppression accepts.</summary>
    public IReadOnlyList<LintFinding> Standing => Findings.Where(f => f.SuppressedBecause is null).ToArray();

    /// <summary>Standing findings of severity Error: what <see cref="LintMode.RefuseErrors"/> refuses.</summary>
    public IReadOnlyList<LintFinding> Errors => Standing.Where(f => f.Rule.Severity == LintSeverity.Error).ToArray();

    /// <summary>One line per finding, or a line saying there are none.</summary>
    public override string ToString()
    {
        if (Findings.Count == 0)
        {
            return "No findings.";
        }

        var text = new StringBuilder();
        foreach (var finding in Findings)
        {
            text.AppendLine(finding.ToString());
        }

        return text.ToString().TrimEnd();
    }
}
