namespace Migrations.Operations;

/// <summary>A foreign key from columns of one table to the key of another.</summary>
/// <param name="Name">The constraint's name.</param>
/// <param name="Columns">The referencing columns.</param>
/// <param name="PrincipalTable">The referenced table.</param>
/// <param name="PrincipalColumns">The referenced columns, in the same order.</param>
public sealed record ForeignKeyConstraint(
    string Name,
    IReadOnlyList<string> Columns,
    TableName PrincipalTable,
    IReadOnlyList<string> PrincipalColumns)
{
    /// <summary>What happens to referencing rows when the referenced row is deleted.</summary>
    public ReferentialAction OnDelete { get; init; } = ReferentialAction.NoAction;

    /// <summary>What happens to referencing rows when the referenced key changes.</summary>
    public ReferentialAction OnUpdate { get; init; } = ReferentialAction.NoAction;
}
