namespace Migrations;

/// <summary>Gives a <see cref="Migration"/> its version and a short description.</summary>
/// <remarks>Versions order migrations; a timestamp such as <c>2026_11_21_1200</c> keeps branches from colliding.</remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MigrationAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="version">A positive number, unique among all migrations.</param>
    /// <param name="description">What the migration does, as shown in history and logs.</param>
    public MigrationAttribute(long version, string description = "")
    {
        Version = version;
        Description = description;
    }

    /// <summary>The migration's version; migrations run in ascending version order.</summary>
    public long Version { get; }

    /// <summary>What the migration does.</summary>
    public string Description { get; }
}
