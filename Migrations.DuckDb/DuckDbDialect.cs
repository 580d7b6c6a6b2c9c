using System.Data;
using System.Data.Common;
using Migrations.Dialects;
using Migrations.DuckDb.Client;
using Migrations.DuckDb.Dialect;
using Migrations.Operations;

namespace Migrations.DuckDb;

/// <summary>
/// The DuckDB dialect: runs migrations on a DuckDB file or in-memory database, through this
/// package's ADO.NET client or any DuckDB <see cref="DbConnection"/> you pass in.
/// </summary>
public sealed class DuckDbDialect : IMigrationDialect
{
    private readonly string? _connectionString;
    private readonly DbConnection? _connection;

    /// <summary>Migrates the database a connection string names, for example <c>Data Source=app.duckdb</c>.</summary>
    /// <param name="connectionString">A DuckDB connection string.</param>
    public DuckDbDialect(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (new DuckDbConnectionStringBuilder(connectionString).DataSource.Length == 0)
        {
            throw new ArgumentException($"The DuckDB connection string \"{connectionString}\" names no database: use \"Data Source=app.duckdb\" or \"Data Source=:memory:name\".", nameof(connectionString));
        }

        _connectionString = connectionString;
    }

    /// <summary>Migrates through a connection you own (for example DuckDB.NET's DuckDBConnection); it is opened if closed and never disposed.</summary>
    /// <param name="connection">A DuckDB connection.</param>
    public DuckDbDialect(DbConnection connection) => _connection = connection ?? throw new ArgumentNullException(nameof(connection));

    /// <inheritdoc />
    public string Name => "DuckDB";

    /// <inheritdoc />
    public async Task<DialectConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            var connection = new DuckDbConnection(_connectionString!);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return new DialectConnection(connection, owned: true);
        }

        if (_connection.State != ConnectionState.Open)
        {
            await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        return new DialectConnection(_connection, owned: false);
    }

    /// <inheritdoc />
    public Task<IAsyncDisposable> AcquireLockAsync(DbConnection connection, CancellationToken cancellationToken) =>
        DuckDbRunLock.AcquireAsync(connection, cancellationToken);

    /// <inheritdoc />
    public IHistoryTableSql History(HistoryTableOptions options) => new DuckDbHistoryTableSql(options);

    /// <inheritdoc />
    public IEnumerable<string> Validate(MigrationOperation operation) => DuckDbOperationRules.Validate(operation);

    /// <inheritdoc />
    public IMigrationPlanner CreatePlanner(DbConnection connection) => new DuckDbPlanner(connection);
}
