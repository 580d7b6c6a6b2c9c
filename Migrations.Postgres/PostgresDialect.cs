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

    /// <summary>Migrates the database a connection string names.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    public PostgresDialect(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _ownsDataSource = true;
    }

    /// <summary>Migrates through a data source you own; it is not disposed.</summary>
    /// <param name="dataSource">An Npgsql data source.</param>
    public PostgresDialect(NpgsqlDataSource dataSource) => _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <inheritdoc />
    public string Name => "PostgreSQL";

    /// <inheritdoc />
    public async Task<DialectConnection> OpenAsync(CancellationToken cancellationToken) =>
        new(await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false), owned: true);

    /// <inheritdoc />
    public Task<IAsyncDisposable> AcquireLockAsync(DbConnection connection, CancellationToken cancellationToken) =>
        PostgresRunLock.AcquireAsync(connection, cancellationToken);

    /// <inheritdoc />
    public IHistoryTableSql History(HistoryTableOptions options) => new PostgresHistoryTableSql(options);

    /// <inheritdoc />
    public IEnumerable<string> Validate(MigrationOperation operation) => PostgresOperationRules.Validate(operation);

    /// <inheritdoc />
    public Task<Migrations.Schema.SchemaModel> ReadSchemaAsync(DbConnection connection, CancellationToken cancellationToken) => PostgresSchemaReader.ReadAsync(connection, cancellationToken);

    /// <inheritdoc />
    public ProviderError? Classify(Exception exception) => PostgresErrors.Classify(exception);

    /// <inheritdoc />
    public IMigrationPlanner CreatePlanner(DbConnection connection, PlanningContext context) => new PostgresPlanner(connection, context);

    /// <inheritdoc />
    /// <inheritdoc />
    public Task<IShadowDatabase> CreateShadowAsync(CancellationToken cancellationToken) => PostgresShadow.CreateAsync(_dataSource, cancellationToken);

    /// <inheritdoc />
    public ISchemaDeclarations Declarations => PostgresDeclarations.Instance;

    /// <inheritdoc />
    public IReadOnlyList<Migrations.Linting.LintRule> LintRules => Linting.PostgresLintRules.All;

    string IConditionalScripts.RunIf(string isApplied, bool whenApplied, IReadOnlyList<string> statements) =>
        PostgresConditionalScripts.RunIf(isApplied, whenApplied, statements);

    string ISqlLiterals.Literal(object? value) => PostgresSql.ScriptLiteral(value);

    /// <summary>Disposes the data source this dialect created from a connection string.</summary>
    public ValueTask DisposeAsync() => _ownsDataSource ? _dataSource.DisposeAsync() : ValueTask.CompletedTask;
}
