using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.Postgres.Dialect;

/// <summary>Declares a PostgreSQL schema again with operations.</summary>
internal sealed class PostgresDeclarations(string defaultSchema) : ISchemaDeclarations
{
    public static PostgresDeclarations Instance { get; } = new(PostgresSql.DefaultSchema);

    public string DefaultSchema => defaultSchema;

    public ColumnDefinition DeclareColumn(TableModel table, ColumnModel column, SchemaModel schema) =>
        new(column.Name, PostgresTypes.FromStoreType(column.StoreType, name => schema.Enums.Any(e => e.Name.Name == name)))
        {
            IsNullable = column.IsNullable && !column.IsIdentity,
            Default = column.DefaultSql is null ? null : DefaultValue.Expression(column.DefaultSql),
            IsIdentity = column.IsIdentity,
        };

    /// <summary>pg_views keeps only the query.</summary>
    public string CreateView(ViewModel view) => $"CREATE VIEW {PostgresSql.Quote(view.Name)} AS\n{view.Sql.Trim().TrimEnd(';')}";
}
