using System.Data.Common;
using Migrations.Building;
using Migrations.Testing;

namespace Migrations.Tests.Testing;

/// <summary>Throwaway migrated databases from templates, on both databases: each its own, each migrated, the template rebuilt when the migrations change.</summary>
public abstract class TestDatabaseTests
{
    /// <summary>Creates a database and returns a connection opener, the runner, and the disposal.</summary>
    private protected abstract Task<(Func<DbConnection> Open, Migrations.Running.MigrationRunner Runner, IAsyncDisposable Database)> CreateAsync(TestDatabaseOptions options);

    private protected abstract bool Exists(IAsyncDisposable database);

    [Test]
    public async Task Each_test_gets_its_own_migrated_copy_of_one_template()
    {
        var options = new TestDatabaseOptions().Add(typeof(Notes), typeof(Tags));
        var (openFirst, _, first) = await CreateAsync(options);
        var (openSecond, _, second) = await CreateAsync(options);

        Execute(openFirst, "INSERT INTO notes (body) VALUES ('only in the first')");

        Assert.That(Rows(openFirst, "SELECT body FROM notes"), Is.EqualTo(new[] { "only in the first" }));
        Assert.That(Rows(openSecond, "SELECT body FROM notes"), Is.Empty, "the databases are separate");
        Assert.That(Rows(openSecond, "SELECT name FROM tags ORDER BY name"), Is.EqualTo(new[] { "home", "work" }), "seeded by the migrations");
        Assert.That(Rows(openSecond, "SELECT CAST(version AS VARCHAR) || ' ' || CAST(applied_at AS VARCHAR) FROM __migrations_history ORDER BY version"),
            Is.EqualTo(Rows(openFirst, "SELECT CAST(version AS VARCHAR) || ' ' || CAST(applied_at AS VARCHAR) FROM __migrations_history ORDER BY version")),
            "both copied from one template: the same history rows to the microsecond");
        await first.DisposeAsync();
        await second.DisposeAsync();
        Assert.That(Exists(first), Is.False, "removed on dispose");
    }

    [Test]
    public async Task Changed_migrations_get_a_new_template_and_UpTo_stops_early()
    {
        var (openAll, _, all) = await CreateAsync(new TestDatabaseOptions().Add(typeof(Notes), typeof(Tags)));
        var (openFirst, runner, first) = await CreateAsync(new TestDatabaseOptions().Add(typeof(Notes), typeof(Tags)).UpTo(1));
        var (openOther, _, other) = await CreateAsync(new TestDatabaseOptions().Add(typeof(Notes), typeof(OtherTags)));

        Assert.That(Rows(openAll, "SELECT CAST(version AS VARCHAR) FROM __migrations_history ORDER BY version"), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(Rows(openFirst, "SELECT CAST(version AS VARCHAR) FROM __migrations_history ORDER BY version"), Is.EqualTo(new[] { "1" }));
        Assert.That(Rows(openOther, "SELECT name FROM tags ORDER BY name"), Is.EqualTo(new[] { "later" }), "a different migration 2, a different template");

        await runner.MigrateAsync();
        Assert.That(Rows(openFirst, "SELECT name FROM tags ORDER BY name"), Is.EqualTo(new[] { "home", "work" }), "the database's runner carries on from where the template stopped");
        await all.DisposeAsync();
        await first.DisposeAsync();
        await other.DisposeAsync();
    }

    private static void Execute(Func<DbConnection> open, string sql)
    {
        using var connection = open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string?> Rows(Func<DbConnection> open, string sql)
    {
        using var connection = open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?>();
        while (reader.Read())
        {
            rows.Add(reader.IsDBNull(0) ? null : reader.GetValue(0).ToString());
        }

        return rows;
    }

    [Migration(1, "Notes")]
    internal sealed class Notes : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("notes", t => t.Column("id", c => c.Int64().Identity().PrimaryKey()).Column("body", c => c.Text()));
    }

    [Migration(2, "Tags")]
    internal sealed class Tags : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateTable("tags", t => t.Column("name", c => c.String(20).PrimaryKey()))
            .InsertData("tags", ["name"], ["work"], ["home"]);
    }

    [Migration(2, "Other tags")]
    internal sealed class OtherTags : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateTable("tags", t => t.Column("name", c => c.String(20).PrimaryKey()))
            .InsertData("tags", ["name"], ["later"]);
    }
}

public sealed class DuckDbTestDatabaseTests : TestDatabaseTests
{
    private protected override async Task<(Func<DbConnection> Open, Migrations.Running.MigrationRunner Runner, IAsyncDisposable Database)> CreateAsync(TestDatabaseOptions options)
    {
        var db = await DuckDbTestDatabase.CreateAsync(options);
        return (db.OpenConnection, db.Runner, db);
    }

    private protected override bool Exists(IAsyncDisposable database) => File.Exists(((DuckDbTestDatabase)database).Path);
}

public sealed class PostgresTestDatabaseTests : TestDatabaseTests
{
    private protected override async Task<(Func<DbConnection> Open, Migrations.Running.MigrationRunner Runner, IAsyncDisposable Database)> CreateAsync(TestDatabaseOptions options)
    {
        var db = await PostgresTestDatabase.CreateAsync(PostgresServer.Instance, options);
        return (() => db.OpenConnectionAsync().GetAwaiter().GetResult(), db.Runner, db);
    }

    private protected override bool Exists(IAsyncDisposable database)
    {
        using var connection = new Npgsql.NpgsqlConnection(PostgresServer.Instance.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", connection);
        command.Parameters.AddWithValue(((PostgresTestDatabase)database).Name);
        return (long)command.ExecuteScalar()! > 0;
    }
}
