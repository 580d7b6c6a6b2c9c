using Migrations.Operations;

namespace Migrations.Schema;

/// <summary>A table as the database holds it.</summary>
/// <param name="Name">The table's name with its schema resolved.</param>
/// <param name="Columns">Its columns in order.</param>
public sealed record TableModel(TableName Name, IReadOnlyList<ColumnModel> Columns)
{
    /// <summary>The primary key, or null.</summary>
    public PrimaryKeyConstraint? PrimaryKey { get; init; }

    /// <summary>Unique constraints.</summary>
    public IReadOnlyList<UniqueConstraint> UniqueConstraints { get; init; } = [];

    /// <summary>Foreign keys from this table.</summary>
    public IReadOnlyList<ForeignKeyConstraint> ForeignKeys { get; init; } = [];

    /// <summary>Check constraints.</summary>
    public IReadOnlyList<CheckConstraint> CheckConstraints { get; init; } = [];

    /// <summary>Explicit indexes (not those backing constraints).</summary>
    public IReadOnlyList<IndexModel> Indexes { get; init; } = [];

    /// <summary>The comment on the table, or null.</summary>
    public string? Comment { get; init; }
}
