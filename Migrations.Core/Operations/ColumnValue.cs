namespace Migrations.Operations;

/// <summary>A column paired with a value, as used by data operations.</summary>
/// <param name="Column">The column's name.</param>
/// <param name="Value">The value, sent as a parameter.</param>
public sealed record ColumnValue(string Column, object? Value);
