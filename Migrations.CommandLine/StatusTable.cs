using System.Globalization;
using System.Text;
using Migrations.Running;

namespace Migrations.CommandLine;

/// <summary>Writes a migration status as a text table a person can read.</summary>
internal static class StatusTable
{
    public static string Render(MigrationStatus status, IReadOnlyList<MigrationInfo> known, TerminalText? terminal = null)
    {
        var paint = terminal ?? new TerminalText(colours: false);
        var changed = status.Changed.Select(c => c.Version).ToHashSet();
        var rows = status.Applied
            .Select(a => (a.Version, a.Description, State: changed.Contains(a.Version) ? paint.Bad("changed since applied") : paint.Good("applied " + a.AppliedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))))
            .Concat(status.Pending.Select(p => (p.Version, p.Description, State: status.OutOfOrder.Contains(p) ? paint.Bad("pending, out of order") : paint.Waiting("pending"))))
            .Concat(status.Unknown.Select(u => (u.Version, u.Description, State: paint.Bad("unknown to this build"))))
            .OrderBy(r => r.Version)
            .ToList();
        var versionWidth = Math.Max("Version".Length, rows.Select(r => r.Version.ToString(CultureInfo.InvariantCulture).Length).DefaultIfEmpty(0).Max());
        var descriptionWidth = Math.Max("Description".Length, rows.Select(r => r.Description.Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        void Line(string version, string description, string state) =>
            text.Append(version.PadRight(versionWidth)).Append("  ").Append(description.PadRight(descriptionWidth)).Append("  ").AppendLine(state);

        Line("Version", "Description", "State");
        Line(new string('-', versionWidth), new string('-', descriptionWidth), "-----");
        foreach (var (version, description, state) in rows)
        {
            Line(version.ToString(CultureInfo.InvariantCulture), description, state);
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{status.Applied.Count} applied, {status.Pending.Count} pending of {known.Count} known; database at version {status.CurrentVersion}.");
        return text.ToString();
    }
}
