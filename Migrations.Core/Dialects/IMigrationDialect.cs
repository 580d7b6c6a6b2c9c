using System.Data.Common;
using Migrations.Operations;

namespace Migrations.Dialects;

/// <summary>
/// Everything a database spells its own way: connections, locking, history-table SQL,
/// operation checks and planning. Dialect packages implement it; the runner only calls it.
/// </summary>
public interface IMigrationDialect
{
    /// <summary>The dialect's name, as used in messages (for example <c>DuckDB</c>).</summary>
    string Name { get; }

    /// <summary>Opens the connection a run uses.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    Task<DialectConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Takes the lock that keeps concurrent runners on one database apart; disposing it releases the lock.</summary>
    /// <param name="connection">The run's connection.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<IAsyncDisposable> AcquireLockAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>The SQL that reads and writes the history table.</summary>
    /// <param name="options">Where the history table lives.</param>
    IHistoryTableSql History(HistoryTableOptions options);

    /// <summary>Problems with an operation that can be told without a database, each saying what to do instead.</summary>
    /// <param name="operation">The operation.</param>
    IEnumerable<string> Validate(MigrationOperation operation);

    /// <summary>Reads the database's schema: tables with their columns, keys, checks and indexes, sequences, enum types and views.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    Task<Schema.SchemaModel> ReadSchemaAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>What a database error means, in the terms the runner explains on every database; null for an error it does not recognise.</summary>
    /// <param name="exception">The error a statement raised.</param>
    ProviderError? Classify(Exception exception);

    /// <summary>
    /// Creates an empty database of the same kind, on the same server where there is one, for running
    /// migrations to learn the schema they make (drift checks and baselines compare it with the real one).
    /// </summary>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <exception cref="NotSupportedException">The dialect cannot make one.</exception>
    Task<IShadowDatabase> CreateShadowAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Name} cannot make a scratch database, so the schema the migrations make cannot be compared with this one.");

    /// <summary>How this database's schema is declared again with operations (reverse engineering and diffs); null when the dialect cannot.</summary>
    ISchemaDeclarations? Declarations => null;

    /// <summary>The safety rules for this database, beyond the rules every database shares.</summary>
    IReadOnlyList<Linting.LintRule> LintRules => [];

    /// <summary>Creates the planner that turns one run's operations into steps.</summary>
    /// <param name="connection">The run's connection, for reading the schema.</param>
    /// <param name="context">What the run's migrations declare beyond the database, such as the C# enums of enum types.</param>
    IMigrationPlanner CreatePlanner(DbConnection connection, PlanningContext context);
}
