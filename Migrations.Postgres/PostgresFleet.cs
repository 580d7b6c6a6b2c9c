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
    public static IFleetTargets Databases(string serverConnectionString, string namePattern) => new Listed(
        serverConnectionString,
        "SELECT datname FROM pg_catalog.pg_database WHERE datname LIKE $1 AND NOT datistemplate AND datallowconn ORDER BY datname COLLATE \"C\"",
        namePattern,
        name => new PostgresDialect(new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString));

    /// <summary>
    /// The schemas of one database whose names match a LIKE pattern (for example <c>tenant_%</c>), in
    /// name order, each migrated as its own tenant (see <see cref="PostgresDialect(string, string)"/>);
    /// listed when the run starts.
    /// </summary>
    /// <param name="connectionString">A connection to the database.</param>
    /// <param name="namePattern">A LIKE pattern for the schemas' names.</param>
    public static IFleetTargets Schemas(string connectionString, string namePattern) => new Listed(
        connectionString,
        "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname LIKE $1 ORDER BY nspname COLLATE \"C\"",
        namePattern,
        name => new PostgresDialect(connectionString, name));

    private sealed class Listed(string server, string query, string pattern, Func<string, PostgresDialect> dialect) : IFleetTargets
    {
        public async Task<IReadOnlyList<FleetTarget>> ListAsync(CancellationToken cancellationToken)
        {
            var names = new List<string>();
            var connection = new NpgsqlConnection(server);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                var command = new NpgsqlCommand(query, connection)
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

            return names.Select(name => new FleetTarget(name, () => dialect(name))).ToArray();
        }
    }
}
