namespace Migrations.Running;

/// <summary>A known migration: its version, description and class.</summary>
/// <param name="Version">The version.</param>
/// <param name="Description">The description.</param>
/// <param name="Type">The migration class.</param>
public sealed record MigrationInfo(long Version, string Description, Type Type)
{
    /// <summary>The migration as named in messages: <c>version Class "description"</c>.</summary>
    public override string ToString() => $"{Version} {Type.Name} \"{Description}\"";
}
