namespace Migrations.Schema;

/// <summary>An explicit index.</summary>
/// <param name="Name">The index's name.</param>
/// <param name="Columns">The indexed columns or expressions in order.</param>
/// <param name="IsUnique">Whether it rejects duplicates.</param>
public sealed record IndexModel(string Name, IReadOnlyList<string> Columns, bool IsUnique)
{
    /// <summary>The comment on the index, or null.</summary>
    public string? Comment { get; init; }
}
