namespace Migrations.Operations;

/// <summary>The portable column types every dialect maps to its own type names.</summary>
public enum ColumnTypeKind
{
    /// <summary>True or false.</summary>
    Boolean,
    /// <summary>16-bit signed integer.</summary>
    Int16,
    /// <summary>32-bit signed integer.</summary>
    Int32,
    /// <summary>64-bit signed integer.</summary>
    Int64,
    /// <summary>Exact decimal with precision and scale.</summary>
    Decimal,
    /// <summary>32-bit floating point.</summary>
    Float32,
    /// <summary>64-bit floating point.</summary>
    Float64,
    /// <summary>Text with an optional maximum length.</summary>
    String,
    /// <summary>Text of any length.</summary>
    Text,
    /// <summary>Calendar date.</summary>
    Date,
    /// <summary>Time of day.</summary>
    Time,
    /// <summary>Date and time without time zone.</summary>
    Timestamp,
    /// <summary>Instant in time (date and time with time zone).</summary>
    TimestampTz,
    /// <summary>128-bit UUID.</summary>
    Guid,
    /// <summary>Bytes.</summary>
    Binary,
    /// <summary>JSON document.</summary>
    Json,
    /// <summary>A type named in the dialect's own words; the dialect checks the name.</summary>
    Custom,
    /// <summary>A user-defined enum type, created with CreateEnum.</summary>
    Enum,
}
