namespace Migrations.Running;

/// <summary>A row of the history table.</summary>
/// <param name="Version">The version.</param>
/// <param name="Description">The description recorded when it was applied.</param>
/// <param name="AppliedAt">When it was applied.</param>
/// <param name="ExecutionMilliseconds">How long it took.</param>
/// <param name="Checksum">The checksum of its operations when it was applied.</param>
public sealed record AppliedMigration(long Version, string Description, DateTimeOffset AppliedAt, long ExecutionMilliseconds, string Checksum);
