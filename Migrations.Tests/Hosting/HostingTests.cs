using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Migrations.Building;
using Migrations.DuckDb;
using Migrations.Hosting;
using Migrations.Postgres;
using Migrations.Running;
using Migrations.Tests.Support;
using Npgsql;

namespace Migrations.Tests.Hosting;

/// <summary>AddMigrations and RunOnStartup in a real generic host.</summary>
public class HostingTests : DuckDbFileTests
{
    [Test]
    public void Starting_without_a_database_or_migrations_says_what_to_configure()
    {
        using var host = Host(o => { });
        var error = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.That(error!.Message, Does.Contain("No database is configured").And.Contain("UseDuckDb").And.Contain("No migrations are configured"));
    }

    [Test]
    public void A_connection_string_without_a_database_is_reported_at_start()
    {
        using var host = Host(o => o.UseDuckDb("access_mode=READ_ONLY").Add(typeof(Notes)));
        var error = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.That(error!.Message, Does.Contain("names no database"));
    }

    [Test]
    public async Task Run_on_startup_migrates_before_the_host_has_started()
    {
        using var host = Host(o => o.UseDuckDb(Db.ConnectionString).Add(typeof(Notes)));
        await host.StartAsync();

        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 1L }));
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.That(health.Status, Is.EqualTo(HealthStatus.Healthy));
        await host.StopAsync();
    }

    [Test]
    public async Task With_fail_on_error_off_the_host_starts_and_reports_unhealthy()
    {
        Db.Execute("CREATE TABLE notes (x INTEGER)");
        using var host = Host(o => o.UseDuckDb(Db.ConnectionString).Add(typeof(Notes)), s => s.FailOnError = false);
        await host.StartAsync();

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.That(health.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(health.Entries["migrations"].Description, Does.Contain("Migrating at startup failed").And.Contain("Notes"));
        await host.StopAsync();
    }

    [Test]
    public async Task The_runner_is_a_service_and_the_health_check_reports_pending_migrations()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMigrations(o => o.UseDuckDb(Db.ConnectionString).Add(typeof(Notes)));
        services.AddHealthChecks().AddCheck<MigrationsHealthCheck>("migrations");
        await using var provider = services.BuildServiceProvider();

        var health = provider.GetRequiredService<HealthCheckService>();
        Assert.That((await health.CheckHealthAsync()).Entries["migrations"].Description, Is.EqualTo("1 migrations pending: 1."));
        await provider.GetRequiredService<MigrationRunner>().MigrateAsync();
        Assert.That((await health.CheckHealthAsync()).Status, Is.EqualTo(HealthStatus.Healthy));
    }

    [Test]
    public async Task The_health_check_reports_drift_when_asked_and_edited_migrations()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMigrations(o =>
        {
            o.UseDuckDb(Db.ConnectionString).Add(typeof(Notes));
            o.HealthCheckIncludesDrift = true;
            o.DriftCheckInterval = TimeSpan.Zero;
        });
        services.AddHealthChecks().AddCheck<MigrationsHealthCheck>("migrations");
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();
        await provider.GetRequiredService<MigrationRunner>().MigrateAsync();
        var clean = (await health.CheckHealthAsync()).Entries["migrations"];

        Db.Execute("ALTER TABLE notes ADD COLUMN author VARCHAR");
        var drifted = (await health.CheckHealthAsync()).Entries["migrations"];
        Db.Execute("UPDATE __migrations_history SET checksum = 'other'");
        var edited = (await health.CheckHealthAsync()).Entries["migrations"];

        Assert.That(clean.Status, Is.EqualTo(HealthStatus.Healthy), clean.Description);
        Assert.That(drifted.Status, Is.EqualTo(HealthStatus.Degraded));
        Assert.That(drifted.Description, Is.EqualTo("Schema drift on DuckDB: 1 object differs from what the migrations up to version 1 make.\n  not made by the migrations: column main.notes.author: VARCHAR"));
        Assert.That(drifted.Data["drift"], Is.EqualTo(1));
        Assert.That(edited.Status, Is.EqualTo(HealthStatus.Degraded));
        Assert.That(edited.Description, Is.EqualTo("At version 1, but migrations 1 were edited after they were applied: the next run refuses them."));
    }

    [Test]
    public async Task Waiting_for_another_instances_lock_gives_up_after_the_limit()
    {
        var database = await PostgresServer.Instance.CreateDatabaseAsync("lock");
        await using var other = await HoldMigrationLockAsync(database);

        using var host = Host(o => o.UsePostgres(database).Add(typeof(Notes)), s => s.LockTimeout = TimeSpan.FromMilliseconds(300));
        var error = Assert.ThrowsAsync<TimeoutException>(() => host.StartAsync());
        Assert.That(error!.Message, Does.Contain("another instance is still migrating"));
    }

    [Test]
    public async Task Shutdown_cancels_a_run_that_waits_for_the_lock()
    {
        var database = await PostgresServer.Instance.CreateDatabaseAsync("cancel");
        await using var other = await HoldMigrationLockAsync(database);

        using var host = Host(o => o.UsePostgres(database).Add(typeof(Notes)));
        using var shutdown = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        Assert.CatchAsync<OperationCanceledException>(() => host.StartAsync(shutdown.Token));

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        await using var check = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE tablename = 'notes'", other);
        Assert.That(await check.ExecuteScalarAsync(), Is.EqualTo(0L), "nothing ran");
    }

    /// <summary>A session holding the dialect's own lock key, as another instance that is migrating would.</summary>
    private static async Task<NpgsqlConnection> HoldMigrationLockAsync(string database)
    {
        var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var hold = new NpgsqlCommand($"SELECT pg_advisory_lock({Migrations.Postgres.Dialect.PostgresRunLock.Key})", connection);
        await hold.ExecuteNonQueryAsync();
        return connection;
    }

    private static IHost Host(Action<MigrationsOptions> configure, Action<MigrationsStartupOptions>? startup = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddMigrations(configure).RunOnStartup(startup);
        builder.Services.AddHealthChecks().AddCheck<MigrationsHealthCheck>("migrations");
        return builder.Build();
    }

    [Migration(1, "Notes")]
    internal sealed class Notes : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("notes", t => t.Column("text", c => c.Text()));
    }
}
