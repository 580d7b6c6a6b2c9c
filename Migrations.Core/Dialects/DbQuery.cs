using System.Data.Common;

namespace Migrations.Dialects;

/// <summary>Runs statements and reads rows on an ADO.NET connection, values always bound as parameters; for the runner and for dialects.</summary>
internal static class DbQuery
{
    /// <summary>Runs <paramref name="sql"/> and maps each row.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="connection">An open connection.</param>
    /// <param name="sql">The query, without parameters.</param>
    /// <param name="read">Maps the current row.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static Task<List<T>> ListAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        ListAsync(connection, new SqlStep(sql), read, cancellationToken);

    /// <summary>Runs a query with its parameters and maps each row.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="connection">An open connection.</param>
    /// <param name="query">The query and its parameter values ($1, $2, ...).</param>
    /// <param name="read">Maps the current row.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<List<T>> ListAsync<T>(DbConnection connection, SqlStep query, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var command = Command(connection, null, query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Runs a statement with its parameters in the connection's current transaction, if any; returns the rows it changed.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="statement">The statement and its parameter values ($1, $2, ...).</param>
    /// <param name="cancellationToken">Cancels the statement.</param>
    public static async Task<int> ExecuteAsync(DbConnection connection, SqlStep statement, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, statement);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A command for the step, its values bound as positional parameters.</summary>
    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, SqlStep step)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(step);
        var command = connection.CreateCommand();
        if (transaction is not null)
        {
            command.Transaction = transaction;
        }

#pragma warning disable CA2100 // Statements come from the dialect, which quotes identifiers; values travel as parameters.
        command.CommandText = step.Sql;
#pragma warning restore CA2100
        foreach (var value in step.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
