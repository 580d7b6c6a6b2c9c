using Migrations.Building;
using Migrations.Testing;

namespace Migrations.Tests.Testing;

/// <summary>
/// The test kit on a PostgreSQL started by Testcontainers wherever a Docker engine answers (CI
/// builds a local image, as no registry is reachable there, and sets MIGRATIONS_REQUIRE_DOCKER=1 so
/// that a missing engine fails). Without an engine the same test checks what users then get: the
/// refusal that names the problem, and migrated databases from the local binaries.
/// </summary>
public class TestcontainersTests
{
    [Test]
    public async Task A_container_server_serves_migrated_databases_per_test_or_the_binaries_take_over_without_docker()
    {
        PostgresTestServer server;
        try
        {
            server = await PostgresTestServer.StartAsync(PostgresSource.Testcontainers);
        }
        catch (InvalidOperationException e) when (Environment.GetEnvironmentVariable("MIGRATIONS_REQUIRE_DOCKER") != "1")
        {
            // No engine here: asking for a container says so, and the default order falls through to the local binaries.
            Assert.That(e.Message, Does.StartWith("No Docker engine answers"));
            await using var fallback = await PostgresTestServer.StartAsync(PostgresSource.LocalBinaries);
            await using var database = await PostgresTestDatabase.CreateAsync(fallback, new TestDatabaseOptions().Add(typeof(Boxes)));
            await using var connection = await database.OpenConnectionAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM boxes";
            Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo(1L));
            return;
        }

        await using (server)
        {
            Assert.That(server.Source, Is.EqualTo(PostgresSource.Testcontainers));
            var options = new TestDatabaseOptions().Add(typeof(Boxes));
            await using var first = await PostgresTestDatabase.CreateAsync(server, options);
            await using var second = await PostgresTestDatabase.CreateAsync(server, options);

            await using var connection = await first.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO boxes (label) VALUES ('kept') RETURNING (SELECT count(*) FROM boxes) + 1";
            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(2L), "the seeded row and the new one");
            command.CommandText = "SELECT current_setting('fsync') || ' ' || split_part(version(), ' ', 2)";
            Assert.That((string?)await command.ExecuteScalarAsync(), Does.StartWith("off "), "the container runs with the test settings");

            await using var other = await second.OpenConnectionAsync();
            await using var count = other.CreateCommand();
            count.CommandText = "SELECT count(*) FROM boxes";
            Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo(1L), "each test's database is its own");
        }
    }

    [Migration(1, "Boxes")]
    internal sealed class Boxes : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateTable("boxes", t => t.Column("id", c => c.Int64().Identity().PrimaryKey()).Column("label", c => c.String(50).NotNull()))
            .InsertData("boxes", ["label"], ["first"]);
    }
}
