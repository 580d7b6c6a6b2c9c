namespace Migrations.Dialects;

/// <summary>
/// The statements for the history table. Its columns, in order: version, description,
/// applied_at, execution_ms, checksum.
/// </summary>
public interface IHistoryTableSql
{
    /// <summary>A query returning one row with one integer: greater than zero when the table exists.</summary>
    SqlStep Exists();

    /// <summary>Creates the table (and its schema) when missing.</summary>
    IReadOnlyList<SqlStep> CreateIfMissing();

    /// <summary>Reads all rows, in the column order above.</summary>
    SqlStep SelectAll();

    /// <summary>Records an applied migration; the database supplies applied_at.</summary>
    /// <param name="version">The version.</param>
    /// <param name="description">The description.</param>
    /// <param name="executionMilliseconds">How long its steps took.</param>
    /// <param name="checksum">The checksum of its operations.</param>
    SqlStep Insert(long version, string description, long executionMilliseconds, string checksum);

    /// <summary>Removes the record of a reverted migration.</summary>
    /// <param name="version">The version.</param>
    SqlStep Delete(long version);
}
