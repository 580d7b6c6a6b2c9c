using System.Data.Common;

namespace Migrations.Dialects;

/// <summary>An open connection and what the run does with it when done.</summary>
public sealed class DialectConnection : IAsyncDisposable
{
    private readonly Func<ValueTask>? _release;

    /// <summary>Wraps a connection.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="owned">True when the run opened it and must dispose it; false for a connection the user passed in.</param>
    public DialectConnection(DbConnection connection, bool owned)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _release = owned ? connection.DisposeAsync : null;
    }

    /// <summary>Wraps a connection that the run releases its own way (closes without disposing, say).</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="close">Called once when the run is done with the connection.</param>
    public DialectConnection(DbConnection connection, Func<ValueTask> close)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _release = close ?? throw new ArgumentNullException(nameof(close));
    }

    /// <summary>The open connection.</summary>
    public DbConnection Connection { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _release?.Invoke() ?? ValueTask.CompletedTask;
}
