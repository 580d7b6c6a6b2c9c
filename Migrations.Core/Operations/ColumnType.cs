namespace Migrations.Operations;

/// <summary>A column's type: one of the portable kinds with its length, precision and scale.</summary>
/// <param name="Kind">The portable kind.</param>
public sealed record ColumnType(ColumnTypeKind Kind)
{
    /// <summary>Maximum length for <see cref="ColumnTypeKind.String"/>; null for unbounded.</summary>
    public int? Length { get; init; }

    /// <summary>Total digits for <see cref="ColumnTypeKind.Decimal"/>.</summary>
    public int? Precision { get; init; }

    /// <summary>Digits after the point for <see cref="ColumnTypeKind.Decimal"/>.</summary>
    public int? Scale { get; init; }

    /// <summary>The dialect's own type name for <see cref="ColumnTypeKind.Custom"/>.</summary>
    public string? Name { get; init; }

    /// <summary>Boolean.</summary>
    public static ColumnType Boolean { get; } = new(ColumnTypeKind.Boolean);
    /// <summary>16-bit integer.</summary>
    public static ColumnType Int16 { get; } = new(ColumnTypeKind.Int16);
    /// <summary>32-bit integer.</summary>
    public static ColumnType Int32 { get; } = new(ColumnTypeKind.Int32);
    /// <summary>64-bit integer.</summary>
    public static ColumnType Int64 { get; } = new(ColumnTypeKind.Int64);
    /// <summary>32-bit float.</summary>
    public static ColumnType Float32 { get; } = new(ColumnTypeKind.Float32);
    /// <summary>64-bit float.</summary>
    public static ColumnType Float64 { get; } = new(ColumnTypeKind.Float64);
    /// <summary>Unbounded text.</summary>
    public static ColumnType Text { get; } = new(ColumnTypeKind.Text);
    /// <summary>Date.</summary>
    public static ColumnType Date { get; } = new(ColumnTypeKind.Date);
    /// <summary>Time of day.</summary>
    public static ColumnType Time { get; } = new(ColumnTypeKind.Time);
    /// <summary>Timestamp without time zone.</summary>
    public static ColumnType Timestamp { get; } = new(ColumnTypeKind.Timestamp);
    /// <summary>Timestamp with time zone.</summary>
    public static ColumnType TimestampTz { get; } = new(ColumnTypeKind.TimestampTz);
    /// <summary>UUID.</summary>
    public static ColumnType Guid { get; } = new(ColumnTypeKind.Guid);
    /// <summary>Bytes.</summary>
    public static ColumnType Binary { get; } = new(ColumnTypeKind.Binary);
    /// <summary>JSON.</summary>
    public static ColumnType Json { get; } = new(ColumnTypeKind.Json);

    /// <summary>Text with an optional maximum length.</summary>
    /// <param name="length">Maximum length, or null for unbounded.</param>
    public static ColumnType String(int? length = null) => new(ColumnTypeKind.String) { Length = length };

    /// <summary>Exact decimal.</summary>
    /// <param name="precision">Total digits.</param>
    /// <param name="scale">Digits after the point.</param>
    public static ColumnType Decimal(int precision, int scale) =>
        new(ColumnTypeKind.Decimal) { Precision = precision, Scale = scale };

    /// <summary>A type in the dialect's own words, for example <c>HUGEINT</c> on DuckDB.</summary>
    /// <param name="name">The type name as the database spells it.</param>
    public static ColumnType Custom(string name) => new(ColumnTypeKind.Custom) { Name = name };

    /// <summary>A column of an enum type created with <c>CreateEnum</c>.</summary>
    /// <param name="typeName">The enum type's name.</param>
    public static ColumnType Enum(string typeName) => new(ColumnTypeKind.Enum) { Name = typeName };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ColumnTypeKind.String when Length is not null => $"String({Length})",
        ColumnTypeKind.Decimal => $"Decimal({Precision},{Scale})",
        ColumnTypeKind.Custom => $"Custom({Name})",
        ColumnTypeKind.Enum => $"Enum({Name})",
        _ => Kind.ToString(),
    };
}
