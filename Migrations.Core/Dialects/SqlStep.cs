using System.Data.Common;
using Migrations.Operations;

namespace Migrations.Dialects;

/// <summary>One SQL statement to run, with its parameter values ($1, $2, ... in order).</summary>
/// <param name="Sql">The statement.</param>
/// <param name="Parameters">The values of its parameters.</param>
public sealed record SqlStep(string Sql, IReadOnlyList<object?> Parameters)
{
    /// <summary>A statement without parameters.</summary>
    /// <param name="sql">The statement.</param>
    public SqlStep(string sql)
        : this(sql, [])
    {
    }

    /// <summary>The operation this statement carries out, for error messages; null for the runner's own statements.</summary>
    public MigrationOperation? Source { get; init; }

    /// <summary>Why the planner chose this step, when it is not the obvious rendering (shown in scripts and logs).</summary>
    public string? Comment { get; init; }

    /// <summary>Whether the log reports how many rows this step wrote (for example rows copied by a rebuild).</summary>
    public bool ReportsRows { get; init; }

    /// <summary>
    /// Runs on its own, committed, before the migration's transaction begins: for statements a
    /// database refuses inside a transaction, or whose effect must be committed before the
    /// migration can use it. They must be safe to run again should the migration fail.
    /// </summary>
    public bool RunsBeforeTransaction { get; init; }

    /// <summary>
    /// The statement runs on its own, outside any transaction: the database refuses it inside one
    /// (for example CREATE INDEX CONCURRENTLY), or it must commit alone so that stronger locks taken
    /// before it are released while it works (a VALIDATE CONSTRAINT). A migration with such a step
    /// runs in parts, and its history row is written only after every part has succeeded.
    /// </summary>
    public bool RefusesTransaction { get; init; }

    /// <summary>
    /// Running the step again after it failed does no harm (a VALIDATE CONSTRAINT), so a step that
    /// runs on its own may be tried again when its lock was not granted in time. Steps in a
    /// transaction are always safe to try again: the failed attempt is rolled back.
    /// </summary>
    public bool SafeToRetry { get; init; }

    /// <summary>
    /// The table whose rows this step copies aside so that the table can be made anew (a rebuild),
    /// for safety findings that name the tables a migration rebuilds and their rows.
    /// </summary>
    public TableName? SetsAside { get; init; }

    /// <summary>
    /// Carries the step out itself (a bulk load through the database's copy protocol) instead of
    /// sending <see cref="Sql"/>, which then only describes it in scripts. Reports rows written so
    /// far as it goes, for a progress line, and returns the rows written.
    /// </summary>
    public Func<DbConnection, IProgress<long>, CancellationToken, Task<int>>? Run { get; init; }

    /// <summary>
    /// The plain statements a script shows instead of this step, for a step that <see cref="Run"/>
    /// carries out itself (a bulk load as INSERT statements), so that the script runs as it is.
    /// </summary>
    public Func<IEnumerable<SqlStep>>? ScriptForm { get; init; }
}
