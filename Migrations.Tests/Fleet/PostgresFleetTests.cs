using Migrations.Fleet;
using Migrations.Postgres;
using Migrations.Running;
using Npgsql;

namespace Migrations.Tests.Fleet;

/// <summary>Databases of one PostgreSQL server, found by a name pattern and migrated as a fleet; every one is read back.</summary>
public class PostgresFleetTests
{
    [Test]
    public async Task Tenants_found_by_pattern_fail_alone_busy_ones_are_left_and_a_second_run_finishes()
    {
        var prefix = $"fleet{Guid.NewGuid():N}"[..13];
        var tenants = new List<string>();
        foreach (var _ in Enumerable.Range(0, 4))
        {
            tenants.Add(await PostgresServer.Instance.CreateDatabaseAsync(prefix));
        }

        tenants = tenants.OrderBy(t => new NpgsqlConnectionStringBuilder(t).Database, StringComparer.Ordinal).ToList();
        await ExecuteAsync(tenants[1], "CREATE TABLE invoices (x integer)");
        var fleet = PostgresFleet.Databases(tenants[0], prefix + "%");

        // Another runner holds tenant 3's migration lock.
        await using (var holder = new NpgsqlConnection(tenants[3]))
        {
            await holder.OpenAsync();
            await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", holder) { Parameters = { new() { Value = Migrations.Postgres.Dialect.PostgresRunLock.Key } } })
            {
                await take.ExecuteNonQueryAsync();
            }

            var first = await new FleetRunner(fleet, new MigrationRunnerOptions().Add(FleetMigrations.All), new FleetOptions { BusyWait = TimeSpan.FromMilliseconds(500) }).MigrateAsync();

            Assert.That(first.Targets.Select(t => t.Outcome), Is.EqualTo(new[] { FleetOutcome.Migrated, FleetOutcome.Failed, FleetOutcome.Migrated, FleetOutcome.Busy }), first.ToString());
            Assert.That(first.Targets.Select(t => t.Target), Is.EqualTo(tenants.Select(t => new NpgsqlConnectionStringBuilder(t).Database)));
            Assert.That(first.Targets[1].Error, Does.Contain("invoices"));
            Assert.That(first.Targets[3].Error, Does.Contain("another instance is still migrating"));
        }

        Assert.That(await HistoryAsync(tenants[0]), Is.EqualTo(new[] { 1L, 2L, 3L }));
        Assert.That(await HistoryAsync(tenants[1]), Does.Not.Contain(2L));
        Assert.That(await HistoryAsync(tenants[3]), Is.Empty);

        await ExecuteAsync(tenants[1], "DROP TABLE invoices");
        var runner = new FleetRunner(fleet, new MigrationRunnerOptions().Add(FleetMigrations.All), new FleetOptions { MaxParallelism = 2 });
        var second = await runner.MigrateAsync();
        var status = await runner.GetStatusAsync(includeDrift: true);

        Assert.That(second.Targets.Select(t => t.Outcome), Is.EqualTo(new[] { FleetOutcome.UpToDate, FleetOutcome.Migrated, FleetOutcome.UpToDate, FleetOutcome.Migrated }));
        foreach (var tenant in tenants)
        {
            Assert.That(await HistoryAsync(tenant), Is.EqualTo(new[] { 1L, 2L, 3L }));
        }

        Assert.That(status.ByVersion, Is.EqualTo(new Dictionary<long, int> { [3] = 4 }));
        Assert.That(status.AllGood, status.ToString());
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<long>> HistoryAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM __migrations_history ORDER BY version", connection);
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            var versions = new List<long>();
            while (await reader.ReadAsync())
            {
                versions.Add(reader.GetInt64(0));
            }

            return versions;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return [];
        }
    }
}
