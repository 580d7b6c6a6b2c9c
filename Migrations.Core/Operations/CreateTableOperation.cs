namespace Migrations.Operations;

/// <summary>Creates a table with its columns and constraints.</summary>
/// <param name="Table">The new table.</param>
/// <param name="Columns">Its columns in order.</param>
public sealed record CreateTableOperation(TableName Table, IReadOnlyList<ColumnDefinition> Columns) : MigrationOperation, ITableOperation
{
    /// <summary>The primary key, or null for none.</summary>
    public PrimaryKeyConstraint? PrimaryKey { get; init; }

    /// <summary>Unique constraints.</summary>
    public IReadOnlyList<UniqueConstraint> UniqueConstraints { get; init; } = [];

    /// <summary>Foreign keys.</summary>
    public IReadOnlyList<ForeignKeyConstraint> ForeignKeys { get; init; } = [];

    /// <summary>Check constraints.</summary>
    public IReadOnlyList<CheckConstraint> CheckConstraints { get; init; } = [];

    /// <inheritdoc />
    public override string Describe() => $"CreateTable {Table}";
}
