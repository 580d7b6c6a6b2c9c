using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using Migrations.Building;
using Migrations.DuckDb;
using Migrations.DuckDb.Connections;
using Migrations.Running;
using Migrations.Tests.Support;

namespace Migrations.Tests.DuckDb.Connections;

/// <summary>
/// An application's own DuckDB.NET connections and the runner on one file in one process: one
/// database instance however the path is spelled, so neither side's writes are lost.
/// </summary>
public class SharedInstanceTests : DuckDbFileTests
{
    [Test]
    public void The_list_of_open_instances_is_readable_from_the_duckdb_net_version_we_depend_on() =>
        Assert.That(OpenInstances.IsVisible, Is.True, "DuckDB.NET's connection cache moved: update OpenInstances before upgrading DuckDB.NET.");

    [Test]
    public async Task App_writes_while_the_runner_migrates_through_another_spelling_are_all_kept()
    {
        using (var app = new DuckDBConnection(Db.ConnectionString))
        {
            app.Open();
            Execute(app, "CREATE TABLE app_rows (id INTEGER)");
            Execute(app, "INSERT INTO app_rows SELECT range FROM range(1000)");

            await Runner(Relative(Db.Path)).MigrateAsync();

            Execute(app, "INSERT INTO app_rows SELECT range FROM range(1000, 1500)");
            Execute(app, "INSERT INTO notes (body) VALUES ('from the app')");
        }

        // A fresh instance reads the file as written.
        Assert.That(Db.Count("app_rows"), Is.EqualTo(1500));
        Assert.That(Db.Rows("SELECT body FROM notes ORDER BY id").Select(r => r[0]), Is.EqualTo(new[] { "seeded", "from the app" }));
        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 1L, 2L }));
    }

    [Test]
    public async Task A_runner_after_the_app_opened_the_file_and_an_app_after_the_runner_share_one_instance()
    {
        await Runner("./" + Relative(Db.Path)).MigrateToAsync(1);
        using (var app = new DuckDBConnection($"Data Source={Db.Path}"))
        {
            app.Open();
            Execute(app, "INSERT INTO notes (body) VALUES ('between runs')");
            await Runner(Relative(Db.Path)).MigrateAsync();
            Execute(app, "INSERT INTO notes (body, pinned) VALUES ('after', true)");
        }

        Assert.That(Db.Rows("SELECT body, pinned FROM notes ORDER BY id"), Is.EqualTo(new[]
        {
            new object?[] { "seeded", false },
            new object?[] { "between runs", false },
            new object?[] { "after", true },
        }));
    }

    [Test]
    public async Task Runners_reaching_the_file_through_a_link_to_its_folder_apply_each_migration_once()
    {
        var link = Path.Combine(Path.GetTempPath(), $"migrations-link-{Guid.NewGuid():N}");
        Directory.CreateSymbolicLink(link, Path.GetDirectoryName(Db.Path)!);
        try
        {
            var linked = Path.Combine(link, Path.GetFileName(Db.Path));
            using var app = new DuckDBConnection($"Data Source={Db.Path}");
            app.Open();
            var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Runner(i % 2 == 0 ? Db.Path : linked).MigrateAsync())));
            Assert.That(results.Sum(r => r.Applied.Count), Is.EqualTo(2));
            Assert.That(Scalar(app, "SELECT count(*) FROM notes"), Is.EqualTo(1L));
        }
        finally
        {
            Directory.Delete(link);
        }

        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 1L, 2L }));
        Assert.That(Db.Count("notes"), Is.EqualTo(1));
    }

    [Test]
    public void A_name_duckdb_net_would_confuse_with_another_open_file_is_refused()
    {
        var other = Path.Combine(Path.GetDirectoryName(Db.Path)!, "Test.duckdb");
        using var app = new DuckDBConnection($"Data Source={other}");
        app.Open();

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => Runner(Db.Path).MigrateAsync());
        Assert.That(error!.Message, Does.Contain("differ only in letter case").And.Contain(Db.Path));
        Assert.That(Db.Exists("notes"), Is.False);
    }

    [Test]
    public async Task Settings_in_the_connection_string_reach_duckdb()
    {
        await Runner($"Data Source={Db.Path};threads=3", typeof(RecordThreads)).MigrateAsync();

        Assert.That(Db.Scalar("SELECT threads FROM settings"), Is.EqualTo("3"));
    }

    [TestCase("Data Source=:memory:", "is a new, empty database for every connection")]
    [TestCase("Data Source=:memory:shared-name", "as a file of that name")]
    [TestCase("Data Source=app.duckdb;no_such_setting=1", "Unrecognized connection string property")]
    [TestCase("threads=4", "names no database")]
    [TestCase("", "is empty")]
    public void Connection_strings_that_cannot_work_are_refused_with_what_to_write(string connectionString, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => _ = new DuckDbDialect(connectionString));
        Assert.That(error!.Message, Does.Contain(expected));
    }

    [Test]
    public async Task The_shared_in_memory_database_is_migrated_for_every_connection_of_the_process()
    {
        using var app = new DuckDBConnection("Data Source=:memory:?cache=shared");
        app.Open();
        await new MigrationRunner(new DuckDbDialect("Data Source=:memory:?cache=shared"), new MigrationRunnerOptions().Add(typeof(CreateNotes))).MigrateAsync();

        Assert.That(Scalar(app, "SELECT body FROM notes"), Is.EqualTo("seeded"));
        Execute(app, "DROP TABLE notes; DROP TABLE __migrations_history");
    }

    [Test]
    public void A_file_in_a_folder_that_does_not_exist_is_reported_before_opening()
    {
        var missing = Path.Combine(Path.GetDirectoryName(Db.Path)!, "no-such-folder", "app.duckdb");
        var error = Assert.ThrowsAsync<DirectoryNotFoundException>(() => Runner(missing).MigrateAsync());
        Assert.That(error!.Message, Does.Contain("create it before migrating"));
    }

    [Test]
    public void A_file_that_is_not_a_duckdb_database_is_named_in_the_error()
    {
        var path = Path.Combine(Path.GetDirectoryName(Db.Path)!, "notes.txt");
        File.WriteAllText(path, "not a database, but a note someone left");

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => Runner(path).MigrateAsync());

        Assert.That(error!.Message, Does.Contain("could not be opened").And.Contain(path));
        Assert.That(File.ReadAllText(path), Is.EqualTo("not a database, but a note someone left"));
    }

    [Test]
    public async Task The_app_s_registered_connection_is_used_and_left_as_it_was()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new DuckDBConnection(Db.ConnectionString));
        services.AddMigrations(o => o.UseDuckDb(sp => sp.GetRequiredService<DuckDBConnection>()).Add(typeof(CreateNotes)));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<MigrationRunner>().MigrateAsync();

        var connection = provider.GetRequiredService<DuckDBConnection>();
        Assert.That(connection.State, Is.EqualTo(System.Data.ConnectionState.Closed));
        Assert.That(Db.Scalar("SELECT body FROM notes"), Is.EqualTo("seeded"));
    }

    private static MigrationRunner Runner(string path, params Type[] migrations) =>
        new(new DuckDbDialect(path.StartsWith("Data Source=", StringComparison.Ordinal) ? path : $"Data Source={path}"),
            new MigrationRunnerOptions().Add(migrations.Length > 0 ? migrations : [typeof(CreateNotes), typeof(PinNotes)]));

    private static string Relative(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Migration(1, "Notes")]
    internal sealed class CreateNotes : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateTable("notes", t => t
                .Column("id", c => c.Int64().Identity().PrimaryKey())
                .Column("body", c => c.String().NotNull()))
            .InsertData("notes", ["body"], ["seeded"]);
    }

    [Migration(2, "Pinned notes")]
    internal sealed class PinNotes : Migration
    {
        public override void Up(MigrationBuilder m) => m.AddColumn("notes", "pinned", c => c.Boolean().NotNull().Default(false));
    }

    [Migration(1, "Record threads")]
    internal sealed class RecordThreads : Migration
    {
        public override void Up(MigrationBuilder m) => m.Sql("CREATE TABLE settings AS SELECT current_setting('threads')::VARCHAR AS threads");

        public override void Down(MigrationBuilder m) => m.DropTable("settings");
    }
}
