namespace Migrations.Operations;

/// <summary>A primary key over one or more columns.</summary>
/// <param name="Name">The constraint's name.</param>
/// <param name="Columns">The key's columns in order.</param>
public sealed record PrimaryKeyConstraint(string Name, IReadOnlyList<string> Columns);
