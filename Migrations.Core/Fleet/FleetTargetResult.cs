using Migrations.Running;

namespace Migrations.Fleet;

/// <summary>How one target of a fleet run ended.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Result">What was applied and reverted, when it ran to the end.</param>
/// <param name="Error">The error, for a target that failed, was busy or timed out.</param>
/// <param name="Duration">How long it took.</param>
public sealed record FleetTargetResult(string Target, FleetOutcome Outcome, MigrationResult? Result, string? Error, TimeSpan Duration);
