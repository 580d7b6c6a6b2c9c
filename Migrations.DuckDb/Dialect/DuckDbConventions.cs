using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Dialect;

/// <summary>DuckDB's naming and type conventions for the schema model.</summary>
internal sealed class DuckDbConventions : ISchemaConventions
{
    public static DuckDbConventions Instance { get; } = new();

    public string DefaultSchema => DuckDbSql.DefaultSchema;

    // DuckDB matches identifiers case-insensitively, quoted or not.
    public StringComparer NameComparer => StringComparer.OrdinalIgnoreCase;

    public string StoreType(ColumnType type) => DuckDbTypes.StoreType(type);

    public string? DefaultSql(DefaultValue? value) => DuckDbSql.Default(value);
}
