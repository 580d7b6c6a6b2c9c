namespace Migrations.Dialects;

/// <summary>Where the history of applied migrations is kept.</summary>
public sealed class HistoryTableOptions
{
    /// <summary>The table's name.</summary>
    public string TableName { get; set; } = "__migrations_history";

    /// <summary>The table's schema, or null for the dialect's default.</summary>
    public string? Schema { get; set; }

    /// <summary>
    /// Whether a table is one of the runner's own, kept apart from the schema the migrations make:
    /// the history table, or a table beside it (the parts of a migration run without one
    /// transaction, <c>_progress</c>; the builds already compared with the history, <c>_verified</c>).
    /// </summary>
    /// <param name="table">A table as a schema reader names it.</param>
    public bool IsRunnerTable(Operations.TableName table) =>
        (Schema is null || string.Equals(table.Schema, Schema, StringComparison.Ordinal)) &&
        (table.Name == TableName || table.Name == TableName + "_progress" || table.Name == TableName + VerifiedTableSql.Suffix);
}
