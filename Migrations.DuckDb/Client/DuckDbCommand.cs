using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Migrations.DuckDb.Client;

/// <summary>
/// A DuckDB statement. Without parameters the text may hold several statements; with parameters
/// it is one prepared statement whose values are bound by type.
/// </summary>
public sealed class DuckDbCommand : DbCommand
{
    private string _commandText = "";
    private DuckDbConnection? _connection;

    /// <inheritdoc />
    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set => _commandText = value ?? "";
    }

    /// <summary>Not enforced: DuckDB statements can be interrupted through cancellation instead.</summary>
    public override int CommandTimeout { get; set; }

    /// <inheritdoc />
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new NotSupportedException("DuckDB runs text commands only.");
            }
        }
    }

    /// <inheritdoc />
    public override bool DesignTimeVisible { get; set; }

    /// <inheritdoc />
    public override UpdateRowSource UpdatedRowSource { get; set; }

    /// <summary>The command's parameters.</summary>
    public new DuckDbParameterCollection Parameters { get; } = new();

    /// <inheritdoc />
    protected override DbConnection? DbConnection
    {
        get => _connection;
        set => _connection = (DuckDbConnection?)value;
    }

    /// <inheritdoc />
    protected override DbParameterCollection DbParameterCollection => Parameters;

    /// <inheritdoc />
    protected override DbTransaction? DbTransaction { get; set; }

    /// <inheritdoc />
    public override void Cancel()
    {
        if (_connection is { State: ConnectionState.Open })
        {
            NativeMethods.duckdb_interrupt(_connection.Native);
        }
    }

    /// <inheritdoc />
    public override int ExecuteNonQuery()
    {
        using var reader = ExecuteDbDataReader(CommandBehavior.Default);
        return reader.RecordsAffected;
    }

    /// <inheritdoc />
    public override object? ExecuteScalar()
    {
        using var reader = ExecuteDbDataReader(CommandBehavior.Default);
        return reader.Read() && reader.FieldCount > 0 ? reader.GetValue(0) : null;
    }

    /// <inheritdoc />
    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        using var interrupt = Interruptible(cancellationToken);
        return Task.FromResult(ExecuteNonQuery());
    }

    /// <inheritdoc />
    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        using var interrupt = Interruptible(cancellationToken);
        return Task.FromResult(ExecuteScalar());
    }

    /// <inheritdoc />
    public override void Prepare()
    {
        // Statements are prepared when executed.
    }

    /// <inheritdoc />
    protected override DbParameter CreateDbParameter() => new DuckDbParameter();

    /// <inheritdoc />
    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        using var interrupt = Interruptible(cancellationToken);
        return Task.FromResult(ExecuteDbDataReader(behavior));
    }

    /// <inheritdoc />
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        var connection = _connection ?? throw new InvalidOperationException("The command has no connection.");
        var native = connection.Native;
        DuckDbResult result;
        if (Parameters.Count == 0)
        {
            if (NativeMethods.duckdb_query(native, _commandText, out result) != DuckDbState.Success)
            {
                throw Fail(ref result);
            }

            return new DuckDbDataReader(result);
        }

        if (NativeMethods.duckdb_prepare(native, _commandText, out var statement) != DuckDbState.Success)
        {
            var message = NativeMethods.Utf8(NativeMethods.duckdb_prepare_error(statement));
            NativeMethods.duckdb_destroy_prepare(ref statement);
            throw new DuckDbException(message);
        }

        try
        {
            Bind(statement);
            if (NativeMethods.duckdb_execute_prepared(statement, out result) != DuckDbState.Success)
            {
                throw Fail(ref result);
            }

            return new DuckDbDataReader(result);
        }
        finally
        {
            NativeMethods.duckdb_destroy_prepare(ref statement);
        }
    }

    private void Bind(IntPtr statement)
    {
        var expected = NativeMethods.duckdb_nparams(statement);
        var items = Parameters.Items;
        if (items.All(p => p.ParameterName.Length == 0) && (ulong)items.Count != expected)
        {
            throw new DuckDbException($"The statement has {expected} parameters but the command supplies {items.Count}.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var index = (ulong)i + 1;
            var name = items[i].ParameterName.TrimStart('$', ':', '@');
            if (name.Length > 0 && NativeMethods.duckdb_bind_parameter_index(statement, out index, name) != DuckDbState.Success)
            {
                throw new DuckDbException($"The statement has no parameter named ${name}.");
            }

            ParameterBinder.Bind(statement, index, items[i].Value);
        }
    }

    private static DuckDbException Fail(ref DuckDbResult result)
    {
        var error = DuckDbResultError.From(ref result);
        NativeMethods.duckdb_destroy_result(ref result);
        return error;
    }

    private CancellationTokenRegistration Interruptible(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return cancellationToken.CanBeCanceled ? cancellationToken.Register(Cancel) : default;
    }
}
