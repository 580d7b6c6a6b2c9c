using System.Data.Common;

namespace Migrations.Dialects;

/// <summary>Reads a query's rows on an ADO.NET connection; for dialects reading their catalogs.</summary>
public static class DbQuery
{
    /// <summary>Runs <paramref name="sql"/> and maps each row.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="connection">An open connection.</param>
    /// <param name="sql">The query, without parameters.</param>
    /// <param name="read">Maps the current row.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<List<T>> ListAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(read);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Catalog queries are constants of the dialect.
        command.CommandText = sql;
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
