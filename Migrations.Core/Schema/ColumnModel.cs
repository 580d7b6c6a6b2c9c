namespace Migrations.Schema;

/// <summary>A column as the database holds it, in the dialect's own type names.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="StoreType">The database's type name, for example <c>BIGINT</c>.</param>
/// <param name="IsNullable">Whether NULL is accepted.</param>
/// <param name="DefaultSql">The default expression as SQL, or null.</param>
public sealed record ColumnModel(string Name, string StoreType, bool IsNullable, string? DefaultSql);
