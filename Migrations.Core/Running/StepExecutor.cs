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

        await using var command = DbQuery.Command(connection, transaction, step);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<object?> ScalarAsync(DbConnection connection, SqlStep step, CancellationToken cancellationToken)
    {
        await using var command = DbQuery.Command(connection, null, step);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    public static Task<List<T>> QueryAsync<T>(DbConnection connection, SqlStep step, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        DbQuery.ListAsync(connection, step, read, cancellationToken);
}
