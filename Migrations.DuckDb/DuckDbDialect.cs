using System.Data.Common;
using DuckDB.NET.Data;
using Migrations.Dialects;
using Migrations.DuckDb.Connections;
using Migrations.DuckDb.Dialect;
using Migrations.DuckDb.Planning;
using Migrations.Operations;

namespace Migrations.DuckDb;

/// <summary>
/// The DuckDB dialect, on DuckDB.NET: migrates a DuckDB file through the same database instance
/// the application's own <see cref="DuckDBConnection"/>s use, so their writes and the migrations'
/// never overwrite each other.
/// </summary>
public sealed class DuckDbDialect : IMigrationDialect, ISqlLiterals
{
    private readonly ConnectionOpener _opener;

    /// <summary>
    /// Migrates the database a connection string names, for example <c>Data Source=app.duckdb</c>.
    /// Settings after the data source (<c>threads=4</c>, <c>memory_limit=1GB</c>, <c>access_mode=READ_ONLY</c>)
    /// reach DuckDB when this opens the file first. When the application already has the file open
    /// under another spelling of its path, the run joins that instance.
    /// </summary>
    /// <param name="connectionString">A DuckDB.NET connection string.</param>
    /// <exception cref="ArgumentException">The connection string is malformed, names no file, or names an in-memory database no other connection could see.</exception>
    public DuckDbDialect(string connectionString) =>
        _opener = new ConnectionOpener.FromConnectionString(DuckDbDataSource.Parse(connectionString));

    /// <summary>
    /// Migrates through a connection you own (an in-memory database, say): opened if closed and then
    /// closed again, never disposed. Do not use it elsewhere while a run is in progress.
    /// </summary>
    /// <param name="connection">A DuckDB.NET connection.</param>
    public DuckDbDialect(DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _opener = new ConnectionOpener.FromApplication(() => connection);
    }

    /// <summary>
    /// Migrates through connections the application makes (one per run): each is opened if closed
    /// and then closed again, never disposed.
    /// </summary>
    /// <param name="connectionFactory">Returns the connection for a run.</param>
    public DuckDbDialect(Func<DuckDBConnection> connectionFactory)
    {
        ArgumentNullException.ThrowIfNull(connectionFactory);
        _opener = new ConnectionOpener.FromApplication(connectionFactory);
    }

    /// <inheritdoc />
    public string Name => "DuckDB";

    /// <inheritdoc />
    public Task<DialectConnection> OpenAsync(CancellationToken cancellationToken) => _opener.OpenAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IAsyncDisposable> AcquireLockAsync(DbConnection connection, CancellationToken cancellationToken) =>
        DuckDbRunLock.AcquireAsync(connection, cancellationToken);

    /// <inheritdoc />
    public IHistoryTableSql History(HistoryTableOptions options) => new HistoryTableSql(
        new TableName(options.TableName, options.Schema ?? DuckDbSql.DefaultSchema),
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = $1 AND table_name = $2 AND NOT temporary",
        DuckDbErrors.IsMissingTable);

    /// <inheritdoc />
    public IEnumerable<string> Validate(MigrationOperation operation) => DuckDbOperationRules.Validate(operation);

    /// <inheritdoc />
    public Task<Migrations.Schema.SchemaModel> ReadSchemaAsync(DbConnection connection, CancellationToken cancellationToken) => DuckDbSchemaReader.ReadAsync(connection, cancellationToken);

    /// <inheritdoc />
    public ProviderError? Classify(Exception exception) => DuckDbErrors.Classify(exception);

    /// <inheritdoc />
    public IMigrationPlanner CreatePlanner(DbConnection connection, PlanningContext context) => new DuckDbPlanner(connection, context);

    /// <inheritdoc />
    /// <inheritdoc />
    public Task<IShadowDatabase> CreateShadowAsync(CancellationToken cancellationToken) => Task.FromResult(DuckDbShadow.Create());

    /// <inheritdoc />
    public ISchemaDeclarations Declarations => DuckDbDeclarations.Instance;

    /// <inheritdoc />
    public IReadOnlyList<Migrations.Linting.LintRule> LintRules => Linting.DuckDbLintRules.All;

    string ISqlLiterals.Literal(object? value) => DuckDbSql.ScriptLiteral(value);
}
