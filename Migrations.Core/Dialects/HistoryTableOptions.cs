namespace Migrations.Dialects;

/// <summary>Where the history of applied migrations is kept.</summary>
public sealed class HistoryTableOptions
{
    /// <summary>The table's name.</summary>
    public string TableName { get; set; } = "__migrations_history";

    /// <summary>The table's schema, or null for the dialect's default.</summary>
    public string? Schema { get; set; }
}
