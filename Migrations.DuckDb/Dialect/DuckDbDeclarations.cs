using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Dialect;

/// <summary>
/// Declares a DuckDB schema again with operations. A column whose default draws from a sequence the
/// library made for an identity column is an identity column again (its sequence comes with it).
/// </summary>
internal sealed class DuckDbDeclarations : ISchemaDeclarations
{
    public static DuckDbDeclarations Instance { get; } = new();

    public string DefaultSchema => DuckDbSql.DefaultSchema;

    public ColumnDefinition DeclareColumn(TableModel table, ColumnModel column, SchemaModel schema)
    {
        var type = DuckDbTypes.FromStoreType(column.StoreType, name => schema.Enums.Any(e => e.Name.Name == name && e.Name.Schema == table.Name.Schema));
        var identity = column.DefaultSql is { } sql && schema.Sequences.Any(s => s.ForIdentity && sql == $"nextval({DuckDbSql.String(DuckDbSql.Quote(s.Name))})");
        return new ColumnDefinition(column.Name, type)
        {
            IsNullable = column.IsNullable && !identity,
            Default = identity || column.DefaultSql is null ? null : DefaultValue.Expression(column.DefaultSql),
            IsIdentity = identity,
        };
    }

    /// <summary>duckdb_views() keeps the whole statement.</summary>
    public string CreateView(ViewModel view) => view.Sql.Trim().TrimEnd(';');
}
