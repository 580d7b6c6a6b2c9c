using Migrations.Dialects;
using Migrations.Operations;

namespace Migrations.Linting;

/// <summary>What a rule may know about an operation beyond the operation itself.</summary>
public sealed class LintScope
{
    private readonly Func<TableName, bool> _isNew;
    private readonly Func<TableName, long?> _rows;
    private readonly Func<TableName, string, string?> _storeType;

    internal LintScope(IReadOnlyList<MigrationOperation> migration, IReadOnlyList<SqlStep> steps, Func<TableName, bool> isNew, Func<TableName, long?> rows, Func<TableName, string, string?> storeType)
    {
        Migration = migration;
        Steps = steps;
        _isNew = isNew;
        _rows = rows;
        _storeType = storeType;
    }

    /// <summary>Every operation of the migration, in order.</summary>
    public IReadOnlyList<MigrationOperation> Migration { get; }

    /// <summary>The planned steps that carry out this operation.</summary>
    public IReadOnlyList<SqlStep> Steps { get; }

    /// <summary>
    /// True when the table is created earlier in the same run, so it is empty and no running
    /// application uses it yet; false for a table the database had before the run.
    /// </summary>
    /// <param name="table">The table.</param>
    public bool IsNew(TableName table) => _isNew(table);

    /// <summary>How many rows the table holds now, where the database is at hand; null when unknown.</summary>
    /// <param name="table">The table.</param>
    public long? Rows(TableName table) => _rows(table);

    /// <summary>A column's type as the database held it before the run (for changes of type); null when unknown.</summary>
    /// <param name="table">The table.</param>
    /// <param name="column">The column.</param>
    public string? StoreTypeBefore(TableName table, string column) => _storeType(table, column);
}
