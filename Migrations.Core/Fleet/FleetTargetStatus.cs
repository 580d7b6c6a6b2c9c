using Migrations.Running;
using Migrations.Schema;

namespace Migrations.Fleet;

/// <summary>Where one target of a fleet stands.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Status">Its migrations' status; null when it could not be read.</param>
/// <param name="Drift">Its drift, when asked for and read.</param>
/// <param name="Error">Why it could not be read.</param>
public sealed record FleetTargetStatus(string Target, MigrationStatus? Status, SchemaDrift? Drift, string? Error);
