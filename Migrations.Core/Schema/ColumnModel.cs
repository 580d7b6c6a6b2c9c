namespace Migrations.Schema;

/// <summary>A column as the database holds it, in the dialect's own type names.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="StoreType">The database's type name, for example <c>BIGINT</c>.</param>
/// <param name="IsNullable">Whether NULL is accepted.</param>
/// <param name="DefaultSql">The default expression as SQL, or null.</param>
public sealed record ColumnModel(string Name, string StoreType, bool IsNullable, string? DefaultSql)
{
    /// <summary>The collation the column compares and sorts text by (for example <c>NOCASE</c>), or null for the database's default.</summary>
    public string? Collation { get; init; }

    /// <summary>For a generated column, the SQL expression that computes it from the row; null for a stored value.</summary>
    public string? GeneratedSql { get; init; }

    /// <summary>The comment on the column, or null.</summary>
    public string? Comment { get; init; }

    /// <summary>
    /// Whether the database generates the column's values itself (PostgreSQL's identity columns).
    /// DuckDB has none: the library gives such a column a sequence default, which the model shows as that.
    /// </summary>
    public bool IsIdentity { get; init; }
}
