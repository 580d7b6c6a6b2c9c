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

    [Test]
    public async Task Tenant_schemas_of_one_database_each_get_their_own_objects_history_and_lock()
    {
        var database = await PostgresServer.Instance.CreateDatabaseAsync("tenants");
        await ExecuteAsync(database, "CREATE SCHEMA tenant_a; CREATE SCHEMA tenant_b; CREATE SCHEMA tenant_c; CREATE SCHEMA other");
        var options = new MigrationRunnerOptions().Add([.. FleetMigrations.All, typeof(TenantNotes)]);
        var fleet = new FleetRunner(PostgresFleet.Schemas(database, "tenant\\_%"), options, new FleetOptions { MaxParallelism = 3, BusyWait = TimeSpan.FromMilliseconds(500) });

        FleetResult first;
        await using (var holder = new NpgsqlConnection(database))
        {
            // A runner of the whole database holds its lock: the tenants' runners do not wait for it.
            await holder.OpenAsync();
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", holder) { Parameters = { new() { Value = Migrations.Postgres.Dialect.PostgresRunLock.Key } } };
            await take.ExecuteNonQueryAsync();
            first = await fleet.MigrateAsync();
        }

        await using (var single = new PostgresDialect(database, "tenant_new"))
        {
            await new MigrationRunner(single, options).MigrateAsync();
        }

        var second = await fleet.MigrateAsync();
        var status = await fleet.GetStatusAsync(includeDrift: true);

        Assert.That(first.Targets.Select(t => $"{t.Target}:{t.Outcome}"), Is.EqualTo(new[] { "tenant_a:Migrated", "tenant_b:Migrated", "tenant_c:Migrated" }), first.ToString());
        Assert.That(second.Targets.Select(t => t.Outcome), Is.All.EqualTo(FleetOutcome.UpToDate));
        var tables = await ListAsync(database, "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1");
        Assert.That(tables, Is.EqualTo(new[] { "tenant_a", "tenant_b", "tenant_c", "tenant_new" }.SelectMany(t => new[] { $"{t}.__migrations_history", $"{t}.__migrations_history_verified", $"{t}.accounts", $"{t}.invoices", $"{t}.notes" })));
        Assert.That(await ListAsync(database, "SELECT confrelid::regclass::text FROM pg_constraint WHERE conrelid = 'tenant_b.invoices'::regclass AND contype = 'f'"), Is.EqualTo(new[] { "tenant_b.accounts" }));
        Assert.That(await ListAsync(database, "SELECT typnamespace::regnamespace::text FROM pg_type WHERE typname = 'mood' ORDER BY 1"), Is.EqualTo(new[] { "tenant_a", "tenant_b", "tenant_c", "tenant_new" }));
        Assert.That(await ListAsync(database, "SELECT version::text FROM tenant_c.__migrations_history ORDER BY version"), Is.EqualTo(new[] { "1", "2", "3", "4" }));
        Assert.That(status.AllGood, status.ToString());
    }

    [Test]
    public async Task A_target_over_its_timeout_is_rolled_back_and_reported_while_the_others_finish()
    {
        var quick = await PostgresServer.Instance.CreateDatabaseAsync("quick");
        var slow = await PostgresServer.Instance.CreateDatabaseAsync("slow");
        await ExecuteAsync(slow, "CREATE TABLE slow_marker (id integer)");
        var targets = FleetTargets.Of(
            new FleetTarget("quick", () => new PostgresDialect(quick)),
            new FleetTarget("slow", () => new PostgresDialect(slow)));

        var result = await new FleetRunner(targets, new MigrationRunnerOptions().Add([.. FleetMigrations.All, typeof(SlowOnMarkedDatabases)]),
            new FleetOptions { TargetTimeout = TimeSpan.FromSeconds(2) }).MigrateAsync();

        Assert.That(result.Targets.Select(t => $"{t.Target}:{t.Outcome}"), Is.EqualTo(new[] { "quick:Migrated", "slow:TimedOut" }), result.ToString());
        Assert.That(result.Targets[1].Duration, Is.LessThan(TimeSpan.FromSeconds(20)));
        Assert.That(await HistoryAsync(quick), Is.EqualTo(new[] { 1L, 2L, 3L, 5L }));
        Assert.That(await HistoryAsync(slow), Is.EqualTo(new[] { 1L, 2L, 3L }), "the migration that ran over was rolled back; the ones before it stay");
        Assert.That(await ListAsync(slow, "SELECT count(*)::text FROM information_schema.tables WHERE table_name = 'slow_log'"), Is.EqualTo(new[] { "0" }));
    }

    /// <summary>Takes 30 seconds where the marker table exists, no time elsewhere.</summary>
    [Migration(5, "Slow on marked databases")]
    public sealed class SlowOnMarkedDatabases : Migration
    {
        public override void Up(Migrations.Building.MigrationBuilder m) => m
            .CreateTable("slow_log", t => t.Column("id", c => c.Int32()))
            .Sql("SELECT pg_sleep(CASE WHEN to_regclass('slow_marker') IS NULL THEN 0 ELSE 30 END)");
    }

    /// <summary>An enum type and raw SQL that names no schema: both land in the tenant's.</summary>
    [Migration(4, "Tenant notes")]
    public sealed class TenantNotes : Migration
    {
        public override void Up(Migrations.Building.MigrationBuilder m) => m
            .CreateEnum("mood", "sad", "ok")
            .Sql("CREATE TABLE notes (body text, mood mood)");
    }

    private static async Task<List<string>> ListAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
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
