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
    /// The database refuses this statement inside a transaction (for example CREATE INDEX
    /// CONCURRENTLY). A migration with such a step runs statement by statement, and its history
    /// row is written only after every statement has succeeded.
    /// </summary>
    public bool RefusesTransaction { get; init; }

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
