using System.Data.Common;

namespace Migrations.Dialects;

/// <summary>An open connection and whether the run should close it when done.</summary>
public sealed class DialectConnection : IAsyncDisposable
{
    private readonly bool _owned;

    /// <summary>Wraps a connection.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="owned">True when the run opened it and must close it; false for a connection the user passed in.</param>
    public DialectConnection(DbConnection connection, bool owned)
    {
        Connection = connection;
        _owned = owned;
    }

    /// <summary>The open connection.</summary>
    public DbConnection Connection { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _owned ? Connection.DisposeAsync() : ValueTask.CompletedTask;
}
