using System.Data.Common;
using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Postgres.Dialect;
using Npgsql;

namespace Migrations.Postgres;

/// <summary>
/// The PostgreSQL dialect, on Npgsql. Concurrent runners take turns through a session advisory
/// lock; migrate over a direct or session-mode connection (PgBouncer in transaction mode cannot
/// hold session locks).
/// </summary>
public sealed class PostgresDialect : IMigrationDialect, ISqlLiterals, IConditionalScripts, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly PostgresConventions _conventions = PostgresConventions.Instance;

    /// <summary>Migrates the database a connection string names.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    public PostgresDialect(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _ownsDataSource = true;
    }

    /// <summary>
    /// Migrates one schema of a database, as for one tenant of many: names the migrations leave
    /// without a schema (tables, types, sequences, raw SQL through the search path) land in it, its
    /// history table is its own, runners of different schemas do not wait for each other, and only
    /// its objects are read (drift, lint). The schema is made when it does not exist.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string; its search path is set to the schema, then public.</param>
    /// <param name="schema">The schema.</param>
    public PostgresDialect(string connectionString, string schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        Schema = schema;
        _conventions = new PostgresConventions(schema);
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = $"{PostgresSql.Quote(schema)}, public" }.ConnectionString);
        _ownsDataSource = true;
    }

    /// <summary>Migrates through a data source you own; it is not disposed.</summary>
    /// <param name="dataSource">An Npgsql data source.</param>
    public PostgresDialect(NpgsqlDataSource dataSource) => _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <inheritdoc />
    public string Name => "PostgreSQL";

    /// <summary>The schema this dialect migrates when made for one; null for the whole database (names without a schema in public).</summary>
    public string? Schema { get; }

    /// <inheritdoc />
    public async Task<DialectConnection> OpenAsync(CancellationToken cancellationToken) =>
        new(await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false), owned: true);

    /// <inheritdoc />
    public Task<IAsyncDisposable> AcquireLockAsync(DbConnection connection, CancellationToken cancellationToken) =>
        PostgresRunLock.AcquireAsync(connection, PostgresRunLock.KeyFor(Schema), cancellationToken);

    /// <inheritdoc />
    public IHistoryTableSql History(HistoryTableOptions options) => new HistoryTableSql(
        new TableName(options.TableName, options.Schema ?? Schema ?? PostgresSql.DefaultSchema),
        "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = $1 AND tablename = $2",
        PostgresErrors.IsMissingRelation);

    /// <inheritdoc />
    public IEnumerable<string> Validate(MigrationOperation operation) => PostgresOperationRules.Validate(operation);

    /// <inheritdoc />
    public Task<Migrations.Schema.SchemaModel> ReadSchemaAsync(DbConnection connection, CancellationToken cancellationToken) => PostgresSchemaReader.ReadAsync(connection, cancellationToken, Schema);

    /// <inheritdoc />
    public ProviderError? Classify(Exception exception) => PostgresErrors.Classify(exception);

    /// <inheritdoc />
    public IMigrationPlanner CreatePlanner(DbConnection connection, PlanningContext context) =>
        Schema is null ? new PostgresPlanner(connection, context) : new SchemaPlanner(new PostgresPlanner(connection, context, _conventions), Schema);

    /// <inheritdoc />
    public Task<IShadowDatabase> CreateShadowAsync(CancellationToken cancellationToken) => PostgresShadow.CreateAsync(_dataSource, Schema, cancellationToken);

    /// <inheritdoc />
    public ISchemaDeclarations Declarations => Schema is null ? PostgresDeclarations.Instance : new PostgresDeclarations(Schema);

    /// <inheritdoc />
    public IReadOnlyList<Migrations.Linting.LintRule> LintRules => Linting.PostgresLintRules.All;

    string IConditionalScripts.RunIf(string isApplied, bool whenApplied, IReadOnlyList<string> statements) =>
        PostgresConditionalScripts.RunIf(isApplied, whenApplied, statements);

    string ISqlLiterals.Literal(object? value) => PostgresSql.ScriptLiteral(value);

    /// <summary>Disposes the data source this dialect created from a connection string.</summary>
    public ValueTask DisposeAsync() => _ownsDataSource ? _dataSource.DisposeAsync() : ValueTask.CompletedTask;

    /// <summary>Plans a tenant's operations with every name put in its schema.</summary>
    private sealed class SchemaPlanner(IMigrationPlanner planner, string schema) : IMigrationPlanner
    {
        public Task<MigrationPlan> PlanAsync(IReadOnlyList<MigrationOperation> operations, CancellationToken cancellationToken) =>
            planner.PlanAsync(operations.Select(o => SchemaQualifier.Qualify(o, schema)).ToArray(), cancellationToken);
    }
}
