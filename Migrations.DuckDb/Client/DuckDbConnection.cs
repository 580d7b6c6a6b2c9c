using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Migrations.DuckDb.Client;

/// <summary>
/// An ADO.NET connection to DuckDB through its C API. Connections to the same file in one
/// process share one database instance, as DuckDB requires.
/// </summary>
public sealed class DuckDbConnection : DbConnection
{
    private string _connectionString;
    private DuckDbDatabase? _database;
    private IntPtr _native;

    /// <summary>Creates a closed connection.</summary>
    /// <param name="connectionString">For example <c>Data Source=app.duckdb</c> or <c>Data Source=:memory:</c>.</param>
    public DuckDbConnection(string connectionString) => _connectionString = connectionString;

    /// <summary>Creates a closed connection without a connection string.</summary>
    public DuckDbConnection()
        : this("")
    {
    }

    /// <inheritdoc />
    [AllowNull]
    public override string ConnectionString
    {
        get => _connectionString;
        set
        {
            if (State != ConnectionState.Closed)
            {
                throw new InvalidOperationException("Close the connection before changing its connection string.");
            }

            _connectionString = value ?? "";
        }
    }

    /// <inheritdoc />
    public override string Database => "main";

    /// <inheritdoc />
    public override string DataSource => new DuckDbConnectionStringBuilder(_connectionString).DataSource;

    /// <inheritdoc />
    public override string ServerVersion => NativeMethods.Utf8(NativeMethods.duckdb_library_version());

    /// <inheritdoc />
    public override ConnectionState State => _native == IntPtr.Zero ? ConnectionState.Closed : ConnectionState.Open;

    /// <summary>The transaction in progress on this connection, if any.</summary>
    internal DuckDbTransaction? CurrentTransaction { get; set; }

    internal IntPtr Native => _native != IntPtr.Zero ? _native : throw new InvalidOperationException("The connection is not open: call Open() first.");

    /// <inheritdoc />
    public override void Open()
    {
        if (_native != IntPtr.Zero)
        {
            throw new InvalidOperationException("The connection is already open.");
        }

        var database = DuckDbDatabase.Acquire(DataSource);
        if (NativeMethods.duckdb_connect(database.Handle, out var native) != DuckDbState.Success)
        {
            database.Release();
            throw new DuckDbException($"Could not connect to DuckDB database '{DataSource}'.");
        }

        _database = database;
        _native = native;
    }

    /// <inheritdoc />
    public override void Close()
    {
        if (_native == IntPtr.Zero)
        {
            return;
        }

        if (CurrentTransaction is { } transaction)
        {
            transaction.Rollback();
        }

        NativeMethods.duckdb_disconnect(ref _native);
        _database!.Release();
        _database = null;
    }

    /// <inheritdoc />
    public override void ChangeDatabase(string databaseName) =>
        throw new NotSupportedException("DuckDB connections are bound to one database file: open a connection with another Data Source instead.");

    /// <summary>Creates a command on this connection.</summary>
    public new DuckDbCommand CreateCommand() => new() { Connection = this };

    /// <summary>Creates an appender that bulk-inserts rows into a table, much faster than INSERT statements.</summary>
    /// <param name="table">The table.</param>
    /// <param name="schema">Its schema, or null for <c>main</c>.</param>
    public DuckDbAppender CreateAppender(string table, string? schema = null) => new(this, schema, table);

    /// <inheritdoc />
    protected override DbCommand CreateDbCommand() => CreateCommand();

    /// <inheritdoc />
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        if (CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A transaction is already in progress on this connection; DuckDB does not nest transactions.");
        }

        Execute("BEGIN TRANSACTION");
        CurrentTransaction = new DuckDbTransaction(this, isolationLevel);
        return CurrentTransaction;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        Close();
        base.Dispose(disposing);
    }

    /// <summary>Runs statements that return nothing, failing with DuckDB's message.</summary>
    internal void Execute(string sql)
    {
        var state = NativeMethods.duckdb_query(Native, sql, out var result);
        try
        {
            if (state != DuckDbState.Success)
            {
                throw DuckDbResultError.From(ref result);
            }
        }
        finally
        {
            NativeMethods.duckdb_destroy_result(ref result);
        }
    }
}
