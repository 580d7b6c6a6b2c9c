using System.Data.Common;
using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Postgres;
using Npgsql;

namespace Migrations.Tests.Postgres.Dialects;

/// <summary>The shared suite on a PostgreSQL database of its own.</summary>
public sealed class PostgresDialectSuite : Migrations.Tests.Dialects.DialectSuite
{
    private string? _connectionString;

    protected override string DefaultSchema => "public";

    private protected override Migrations.Schema.ISchemaConventions Conventions => Migrations.Postgres.Dialect.PostgresConventions.Instance;

    protected override string? ShadowsLeftQuery => "SELECT count(*) FROM pg_database WHERE datname LIKE current_database() || '\\_shadow\\_%'";

    [SetUp]
    public async Task CreateDatabaseAsync() => _connectionString = await PostgresServer.Instance.CreateDatabaseAsync("suite");

    protected override Task<IMigrationDialect> CreateDialectAsync() => Task.FromResult<IMigrationDialect>(new PostgresDialect(_connectionString!));

    // Each test has a database of its own, so a pooled connection would never be used again and
    // would stay open, idle, until pruned: hundreds of them add up past the server's max_connections.
    protected override DbConnection OpenConnection()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    protected override string TypeName(ColumnType type) => type.Kind switch
    {
        ColumnTypeKind.Int64 => "bigint",
        ColumnTypeKind.Int32 => "integer",
        ColumnTypeKind.String => "character varying",
        ColumnTypeKind.Decimal => "numeric",
        ColumnTypeKind.Boolean => "boolean",
        _ => type.Kind.ToString(),
    };
}
