using Migrations.Fleet;
using Npgsql;

namespace Migrations.Postgres;

/// <summary>Fleets of PostgreSQL databases.</summary>
public static class PostgresFleet
{
    /// <summary>
    /// The databases on a server whose names match a LIKE pattern (for example <c>tenant_%</c>), in
    /// name order, reached with the server connection's credentials; listed when the run starts.
    /// </summary>
    /// <param name="serverConnectionString">A connection to any database of the server, with the role that migrates.</param>
    /// <param name="namePattern">A LIKE pattern for the databases' names.</param>
    public static IFleetTargets Databases(string serverConnectionString, string namePattern) => new DatabasesOnServer(serverConnectionString, namePattern);

    private sealed class DatabasesOnServer(string server, string pattern) : IFleetTargets
    {
        public async Task<IReadOnlyList<FleetTarget>> ListAsync(CancellationToken cancellationToken)
        {
            var names = new List<string>();
            var connection = new NpgsqlConnection(server);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                var command = new NpgsqlCommand("SELECT datname FROM pg_catalog.pg_database WHERE datname LIKE $1 AND NOT datistemplate AND datallowconn ORDER BY datname COLLATE \"C\"", connection)
                {
                    Parameters = { new() { Value = pattern } },
                };
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            names.Add(reader.GetString(0));
                        }
                    }
                }
            }

            return names.Select(name => new FleetTarget(name, () => new PostgresDialect(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString))).ToArray();
        }
    }
}
