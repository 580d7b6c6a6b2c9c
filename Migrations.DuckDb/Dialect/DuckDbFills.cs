using Migrations.Operations;

namespace Migrations.DuckDb.Dialect;

/// <summary>
/// How DuckDB 1.5 fills existing rows when a column is added with a value. A number into a numeric
/// column or text into a text column is kept as one constant. Anything else (booleans, dates,
/// timestamps, UUIDs, expressions, values that need a cast) is written into every row like an
/// UPDATE, after which DuckDB refuses SET NOT NULL and fails the COMMIT of any further
/// ADD/DROP COLUMN or SET DATA TYPE on that table in the same transaction.
/// </summary>
internal static class DuckDbFills
{
    public static bool IsStoredAsConstant(ColumnType type, DefaultValue? fill) => fill switch
    {
        null or { Sql: null, Value: null } => true,
        { Sql: not null } => false,
        { Value: string } => type.Kind is ColumnTypeKind.String or ColumnTypeKind.Text,
        { Value: sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal } =>
            type.Kind is ColumnTypeKind.Int16 or ColumnTypeKind.Int32 or ColumnTypeKind.Int64 or ColumnTypeKind.Decimal or ColumnTypeKind.Float32 or ColumnTypeKind.Float64,
        _ => false,
    };
}
