using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.Postgres.Dialect;

/// <summary>PostgreSQL's naming and type conventions for the schema model.</summary>
internal sealed class PostgresConventions(string defaultSchema) : ISchemaConventions
{
    public static PostgresConventions Instance { get; } = new(PostgresSql.DefaultSchema);

    /// <summary>Where names without a schema live: <c>public</c>, or the tenant's schema of a dialect made for one.</summary>
    public string DefaultSchema => defaultSchema;

    // Identifiers are always quoted, so PostgreSQL compares them exactly.
    public StringComparer NameComparer => StringComparer.Ordinal;

    public string StoreType(ColumnType type) => PostgresTypes.StoreType(type);

    public string? DefaultSql(DefaultValue? value) => PostgresSql.Default(value);
}
