using System.Data;
using System.Data.Common;

namespace Migrations.DuckDb.Client;

/// <summary>A DuckDB transaction. A failed COMMIT throws and leaves nothing committed.</summary>
public sealed class DuckDbTransaction : DbTransaction
{
    private readonly DuckDbConnection _connection;
    private bool _completed;

    internal DuckDbTransaction(DuckDbConnection connection, IsolationLevel isolationLevel)
    {
        _connection = connection;
        IsolationLevel = isolationLevel;
    }

    /// <inheritdoc />
    public override IsolationLevel IsolationLevel { get; }

    /// <inheritdoc />
    protected override DbConnection DbConnection => _connection;

    /// <inheritdoc />
    public override void Commit() => Complete("COMMIT");

    /// <inheritdoc />
    public override void Rollback() => Complete("ROLLBACK");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_completed)
        {
            Rollback();
        }

        base.Dispose(disposing);
    }

    private void Complete(string sql)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        }

        // Whatever the outcome, DuckDB has ended the transaction: a failed COMMIT rolls back.
        _completed = true;
        _connection.CurrentTransaction = null;
        try
        {
            _connection.Execute(sql);
        }
        catch (DuckDbException) when (sql == "ROLLBACK")
        {
            // The transaction was already aborted by the database; nothing is left to undo.
        }
    }
}
