namespace Migrations.Operations;

/// <summary>A column: name, type, nullability, default and whether it is an auto-increment identity.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">The column's type.</param>
public sealed record ColumnDefinition(string Name, ColumnType Type)
{
    /// <summary>Whether the column accepts NULL.</summary>
    public bool IsNullable { get; init; } = true;

    /// <summary>The default, or null for none.</summary>
    public DefaultValue? Default { get; init; }

    /// <summary>Whether the database generates ascending values for the column.</summary>
    public bool IsIdentity { get; init; }
}
