using System.Data.Common;
using Migrations.Dialects;

namespace Migrations.Running;

/// <summary>Runs steps on an ADO.NET connection, values always bound as parameters.</summary>
internal static class StepExecutor
{
    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, SqlStep step, CancellationToken cancellationToken, IProgress<long>? progress = null)
    {
        if (step.Run is not null)
        {
            // Bulk loads run on the connection, inside its current transaction.
            return await step.Run(connection, progress ?? new Progress<long>(), cancellationToken).ConfigureAwait(false);
        }

        await using var command = Create(connection, transaction, step);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<object?> ScalarAsync(DbConnection connection, SqlStep step, CancellationToken cancellationToken)
    {
        await using var command = Create(connection, null, step);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<List<T>> QueryAsync<T>(DbConnection connection, SqlStep step, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = Create(connection, null, step);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static DbCommand Create(DbConnection connection, DbTransaction? transaction, SqlStep step)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
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
