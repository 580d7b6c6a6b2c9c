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

    /// <summary>Rewrites the description and checksum of an applied migration's row (repair).</summary>
    /// <param name="version">The version.</param>
    /// <param name="description">The description the code has now.</param>
    /// <param name="checksum">The checksum the code has now.</param>
    SqlStep Update(long version, string description, string checksum);

    /// <summary>A query returning one integer: greater than zero when the migration is applied.</summary>
    /// <param name="version">The version.</param>
    SqlStep IsApplied(long version);

    /// <summary>Removes the record of a reverted migration.</summary>
    /// <param name="version">The version.</param>
    SqlStep Delete(long version);

    /// <summary>
    /// Creates, when missing, the table beside the history table that records which parts of a
    /// migration run without a transaction have completed (columns: version, part), so that a run
    /// stopped half way is continued, not started again.
    /// </summary>
    IReadOnlyList<SqlStep> CreateProgressIfMissing();

    /// <summary>The parts of a migration recorded as completed: one text column.</summary>
    /// <param name="version">The migration's version.</param>
    SqlStep SelectProgress(long version);

    /// <summary>Records a completed part.</summary>
    /// <param name="version">The migration's version.</param>
    /// <param name="part">The part's key.</param>
    SqlStep InsertProgress(long version, string part);

    /// <summary>Forgets a migration's parts once its history row is written.</summary>
    /// <param name="version">The migration's version.</param>
    SqlStep DeleteProgress(long version);
}
