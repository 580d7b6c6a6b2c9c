namespace Migrations.Operations;

/// <summary>A unique constraint over one or more columns.</summary>
/// <param name="Name">The constraint's name.</param>
/// <param name="Columns">The constrained columns in order.</param>
public sealed record UniqueConstraint(string Name, IReadOnlyList<string> Columns);
