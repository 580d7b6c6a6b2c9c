using System.Text.Json;
using Migrations.Running;

namespace Migrations.CommandLine;

/// <summary>Writes a migration status as JSON for scripts and pipelines.</summary>
internal static class StatusJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Render(MigrationStatus status)
    {
        var changed = status.Changed.Select(c => c.Version).ToHashSet();
        var outOfOrder = status.OutOfOrder.Select(o => o.Version).ToHashSet();
        var document = new
        {
            currentVersion = status.CurrentVersion,
            isUpToDate = status.IsUpToDate,
            migrations = status.Applied
                .Select(a => new { version = a.Version, description = a.Description, state = changed.Contains(a.Version) ? "changed" : "applied", appliedAt = (DateTimeOffset?)a.AppliedAt })
                .Concat(status.Pending.Select(p => new { version = p.Version, description = p.Description, state = outOfOrder.Contains(p.Version) ? "pending-out-of-order" : "pending", appliedAt = (DateTimeOffset?)null }))
                .Concat(status.Unknown.Select(u => new { version = u.Version, description = u.Description, state = "unknown", appliedAt = (DateTimeOffset?)u.AppliedAt }))
                .OrderBy(m => m.version),
        };
        return JsonSerializer.Serialize(document, Indented) + Environment.NewLine;
    }
}
