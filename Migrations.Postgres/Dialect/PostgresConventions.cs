using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.Postgres.Dialect;

/// <summary>PostgreSQL's naming and type conventions for the schema model.</summary>
internal sealed class PostgresConventions : ISchemaConventions
{
    public static PostgresConventions Instance { get; } = new();

    public string DefaultSchema => PostgresSql.DefaultSchema;

    // Identifiers are always quoted, so PostgreSQL compares them exactly.
    public StringComparer NameComparer => StringComparer.Ordinal;

    public string StoreType(ColumnType type) => PostgresTypes.StoreType(type);

    public string? DefaultSql(DefaultValue? value) => PostgresSql.Default(value);
}
