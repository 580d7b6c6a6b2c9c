using Migrations.Dialects;
using Migrations.DuckDb;
using Migrations.Postgres;

namespace Migrations.Tool;

/// <summary>The dialect for --provider, or, when it is left out, for what the connection string looks like.</summary>
internal static class DialectFactory
{
    public static IMigrationDialect Create(string? provider, string connection) =>
        (provider ?? Guess(connection)).ToLowerInvariant() switch
        {
            "duckdb" => new DuckDbDialect(connection),
            "postgres" or "postgresql" or "npgsql" => new PostgresDialect(connection),
            var other => throw new ToolException($"--provider {other} is not known: give duckdb or postgres."),
        };

    private static string Guess(string connection)
    {
        var keys = connection.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)[0].Trim().ToLowerInvariant())
            .ToHashSet();
        if (keys.Overlaps(["host", "server", "username", "user id", "port"]))
        {
            return "postgres";
        }

        return keys.Overlaps(["data source", "datasource"])
            ? "duckdb"
            : throw new ToolException("Cannot tell the database from the connection string: give --provider duckdb or --provider postgres.");
    }
}
