using Migrations.Dialects;
using Npgsql;
using static Migrations.Postgres.Dialect.PostgresSql;

namespace Migrations.Postgres.Dialect;

/// <summary>
/// A shadow database on the same server, made with the run's own credentials and dropped (with any
/// session still in it) when disposed.
/// </summary>
internal sealed class PostgresShadow : IShadowDatabase
{
    private readonly NpgsqlDataSource _server;
    private readonly string _name;
    private readonly PostgresDialect _dialect;

    private PostgresShadow(NpgsqlDataSource server, string name, PostgresDialect dialect)
    {
        _server = server;
        _name = name;
        _dialect = dialect;
    }

    public IMigrationDialect Dialect => _dialect;

    public static async Task<IShadowDatabase> CreateAsync(NpgsqlDataSource server, string? schema, CancellationToken cancellationToken)
    {
        var connection = await server.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var name = ShadowName(connection.Database);
            try
            {
                await ExecuteAsync(connection, $"CREATE DATABASE {Quote(name)}", cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new InvalidOperationException(
                    $"Comparing schemas runs the migrations in a scratch database, and role {connection.UserName} may not create one on this server ({e.MessageText}). " +
                    $"Grant it the right (ALTER ROLE {Quote(connection.UserName ?? "role")} CREATEDB), or compare through a role that has it.", e);
            }

            // The clone carries the credentials the data source used, password included.
            var target = new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Database = name, Pooling = false };
            var clone = connection.CloneWith(target.ConnectionString);
            await using (clone.ConfigureAwait(false))
            {
                return new PostgresShadow(server, name, schema is null ? new PostgresDialect(clone.ConnectionString) : new PostgresDialect(clone.ConnectionString, schema));
            }
        }
    }

    /// <summary>The database's name with a random suffix, cut to PostgreSQL's 63 bytes (it would cut a longer name itself, and the drop would miss it).</summary>
    private static string ShadowName(string database)
    {
        var suffix = "_shadow_" + Guid.NewGuid().ToString("N")[..8];
        var prefix = database;
        while (System.Text.Encoding.UTF8.GetByteCount(prefix) > 63 - suffix.Length)
        {
            prefix = prefix[..^1];
        }

        return prefix + suffix;
    }

    /// <summary>
    /// Declares the check on an empty temporary copy of the table (NOT VALID, nothing to scan) and reads
    /// back how PostgreSQL prints it, all rolled back; an expression the copy refuses restates as null.
    /// </summary>
    public async Task<string?> RestateCheckAsync(Operations.TableName table, string expression, CancellationToken cancellationToken)
    {
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var npgsql = (NpgsqlConnection)connection.Connection;
            var transaction = await npgsql.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                try
                {
                    await ExecuteAsync(npgsql, $"CREATE TEMP TABLE restated_check (LIKE {Quote(table)}) ON COMMIT DROP", cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(npgsql, $"ALTER TABLE restated_check ADD CONSTRAINT restated CHECK ({expression}) NOT VALID", cancellationToken).ConfigureAwait(false);
                    var read = new NpgsqlCommand("SELECT pg_get_expr(conbin, conrelid) FROM pg_catalog.pg_constraint WHERE conrelid = 'pg_temp.restated_check'::regclass AND conname = 'restated'", npgsql, transaction);
                    await using (read.ConfigureAwait(false))
                    {
                        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
                    }
                }
                catch (PostgresException)
                {
                    return null;
                }
                finally
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _dialect.DisposeAsync().ConfigureAwait(false);
        var connection = await _server.OpenConnectionAsync().ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {Quote(_name)} WITH (FORCE)", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
