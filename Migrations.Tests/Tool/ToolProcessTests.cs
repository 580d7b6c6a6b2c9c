using System.Text.Json;
using Migrations.Tests.Support;

namespace Migrations.Tests.Tool;

/// <summary>
/// dotnet-migrations run as a process, the way a terminal or a pipeline runs it, against the
/// examples' built assemblies; results are read back from the databases.
/// </summary>
public class ToolProcessTests : DuckDbFileTests
{
    private static string QuickStart => BuiltProgram.Path("examples/QuickStart");

    [Test]
    public async Task Status_up_drift_script_and_down_on_a_duckdb_file()
    {
        var connection = $"Data Source={Db.Path}";

        var pending = await ToolProcess.RunAsync("status", "--assembly", QuickStart, "--connection", connection);
        var up = await ToolProcess.RunAsync("up", "--assembly", QuickStart, "--connection", connection);
        var json = await ToolProcess.RunAsync("status", "--json", "--assembly", QuickStart, "--connection", connection);
        var clean = await ToolProcess.RunAsync("drift", "--assembly", QuickStart, "--connection", connection);
        Db.Execute("CREATE TABLE by_hand (id INTEGER)");
        var drift = await ToolProcess.RunAsync("drift", "--assembly", QuickStart, "--connection", connection);
        var script = await ToolProcess.RunAsync("script", "--assembly", QuickStart, "--connection", connection);

        Assert.That(pending, Is.EqualTo((0, "Version       Description                  State\n------------  ---------------------------  -----\n202611211200  Create customers and orders  pending\n0 applied, 1 pending of 1 known; database at version 0.\n")));
        Assert.That(up.Code, Is.Zero, up.Output);
        Assert.That(up.Output, Does.Contain("applied   202611211200 CreateCustomersAndOrders"));
        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 202611211200L }));
        using var status = JsonDocument.Parse(json.Output);
        Assert.That(status.RootElement.GetProperty("migrations")[0].GetProperty("state").GetString(), Is.EqualTo("applied"));
        Assert.That(clean, Is.EqualTo((0, "No drift on DuckDB: the schema is what the migrations up to version 202611211200 make.\n")));
        Assert.That(drift.Code, Is.EqualTo(3));
        Assert.That(drift.Output, Does.Contain("not made by the migrations: table main.by_hand"));
        Assert.That(script, Is.EqualTo((0, "-- DuckDB: 0 to apply, 0 to revert\n")));

        var down = await ToolProcess.RunAsync("down", "0", "--assembly", QuickStart, "--connection", connection);
        Assert.That(down.Output, Does.Contain("reverted  202611211200"));
        Assert.That(Db.Exists("customers"), Is.False);
    }

    [Test]
    public async Task Wrong_arguments_exit_2_and_failures_exit_1_with_what_to_do()
    {
        var usage = await ToolProcess.RunAsync("down", "--assembly", QuickStart);
        var noConnection = await ToolProcess.RunAsync("status", "--assembly", QuickStart);
        var missing = await ToolProcess.RunAsync("status", "--assembly", "/nowhere/App.dll", "--connection", "Data Source=x.duckdb");
        var provider = await ToolProcess.RunAsync("status", "--assembly", QuickStart, "--connection", "Data Source=x.duckdb", "--provider", "oracle");

        Assert.That(usage.Code, Is.EqualTo(2));
        Assert.That(usage.Output, Does.Contain("Required argument missing for command: 'down'"));
        Assert.That(noConnection, Is.EqualTo((1, "No connection: give --connection \"...\", --connection-name Name (from the app's ConnectionStrings), or set MIGRATIONS_CONNECTION.\n")));
        Assert.That(missing, Is.EqualTo((1, "The assembly /nowhere/App.dll does not exist: build the project first, or give --project to have it built.\n")));
        Assert.That(provider, Is.EqualTo((1, "--provider oracle is not known: give duckdb or postgres.\n")));
    }

    [Test]
    public async Task New_writes_a_migration_class_in_the_projects_namespace()
    {
        var folder = Directory.CreateTempSubdirectory("migrations-new-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "Shop.Api.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><RootNamespace>Shop</RootNamespace></PropertyGroup></Project>");

        var written = await ToolProcess.RunAsync("new", "AddCustomerEmail", "--project", folder);
        var again = await ToolProcess.RunAsync("new", "AddCustomerEmail", "--project", folder);

        var file = Directory.GetFiles(Path.Combine(folder, "Migrations")).Single();
        var version = Path.GetFileName(file).Split('_')[0];
        Assert.That(written, Is.EqualTo((0, $"wrote     {file}\n")));
        Assert.That(version, Has.Length.EqualTo(14).And.StartsWith(DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(await File.ReadAllTextAsync(file), Does.Contain("namespace Shop.Migrations;")
            .And.Contain($"[Migration({version}, \"Add customer email\")]")
            .And.Contain("public sealed class AddCustomerEmail : Migration"));
        Assert.That(again, Is.EqualTo((1, "Migrations already has a migration named AddCustomerEmail: choose another name.\n")));
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Postgres_through_a_named_connection_with_seed_files_beside_the_assembly()
    {
        var database = await PostgresServer.Instance.CreateDatabaseAsync("tool");
        var example = BuiltProgram.Path("examples/Postgres");
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Shop"] = database };

        var up = await ToolProcess.RunAsync(environment, "up", "--assembly", example, "--connection-name", "Shop");
        var lint = await ToolProcess.RunAsync(environment, "lint", "--assembly", example, "--connection-name", "Shop");
        var drift = await ToolProcess.RunAsync(environment, "drift", "--assembly", example, "--connection-name", "Shop");

        Assert.That(up.Code, Is.Zero, up.Output);
        using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM users", connection);
        Assert.That(await count.ExecuteScalarAsync(), Is.GreaterThan(0L), "the students' JSON beside the example's assembly was loaded");
        Assert.That(lint, Is.EqualTo((0, "No findings.\n")));
        Assert.That(drift.Code, Is.Zero, drift.Output);
    }

    [Test]
    public async Task Fleet_up_and_status_over_a_folder_of_duckdb_files()
    {
        var folder = Directory.CreateTempSubdirectory("migrations-fleet-tool-").FullName;
        foreach (var name in new[] { "north", "south" })
        {
            using var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={Path.Combine(folder, name + ".duckdb")}");
            connection.Open();
        }

        var up = await ToolProcess.RunAsync("fleet", "--duckdb-folder", folder, "up", "--assembly", QuickStart);
        var again = await ToolProcess.RunAsync("fleet", "--duckdb-folder", folder, "up", "--assembly", QuickStart);
        var status = await ToolProcess.RunAsync("fleet", "--duckdb-folder", folder, "--json", "status", "--assembly", QuickStart);
        var unnamed = await ToolProcess.RunAsync("fleet", "up", "--assembly", QuickStart);

        Assert.That(up.Code, Is.Zero, up.Output);
        Assert.That(up.Output, Does.Contain("north.duckdb  Migrated    applied 1, reverted 0").And.Contain("2 Migrated of 2 targets."));
        Assert.That(again.Output, Does.Contain("2 UpToDate of 2 targets."));
        using var json = JsonDocument.Parse(status.Output);
        Assert.That(json.RootElement.EnumerateArray().Select(t => t.GetProperty("version").GetInt64()), Is.EqualTo(new[] { 202611211200L, 202611211200L }));
        Assert.That(unnamed, Is.EqualTo((1, "Name the fleet: --duckdb-folder <folder> for DuckDB files, --postgres --pattern <LIKE pattern> for the databases of a server, or --postgres-schemas --pattern <LIKE pattern> for the schemas of a database.\n")));
        using (var read = new DuckDB.NET.Data.DuckDBConnection($"Data Source={Path.Combine(folder, "south.duckdb")}"))
        {
            read.Open();
            using var command = read.CreateCommand();
            command.CommandText = "SELECT count(*) FROM customers";
            Assert.That(command.ExecuteScalar(), Is.Not.Null, "the quick start's table is in the second file");
        }

        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Scripts_lint_repair_baseline_scaffold_and_diff_against_the_postgres_example()
    {
        var database = await PostgresServer.Instance.CreateDatabaseAsync("toolall");
        var example = BuiltProgram.Path("examples/Postgres");
        var project = ToolProcess.NewProject("Shop");
        string[] At(params string[] args) => [.. args, "--assembly", example, "--connection", database];

        var script = await ToolProcess.RunAsync(At("script", "--from", "0", "--idempotent"));
        var up = await ToolProcess.RunAsync(At("up"));
        var lint = await ToolProcess.RunAsync(At("lint"));
        var repair = await ToolProcess.RunAsync(At("repair"));
        await using (var connection = new Npgsql.NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var change = new Npgsql.NpgsqlCommand("DELETE FROM __migrations_history WHERE version = 202611220900; ALTER TABLE staff ADD COLUMN phone text", connection);
            await change.ExecuteNonQueryAsync();
        }

        var refused = await ToolProcess.RunAsync(At("baseline", "202611220900"));
        var diff = await ToolProcess.RunAsync([.. At("diff", "StaffPhone"), "--project", project]);
        var scaffold = await ToolProcess.RunAsync([.. At("scaffold"), "--project", project]);

        Assert.That(script.Code, Is.Zero, script.Output);
        Assert.That(script.Output, Does.Contain("DO $").And.Contain("CREATE TABLE \"public\".\"staff\""));
        Assert.That(up.Code, Is.Zero, up.Output);
        Assert.That(lint, Is.EqualTo((0, "No findings.\n")));
        Assert.That(repair, Is.EqualTo((0, "Nothing to repair: every applied migration matches its history row.\n")));
        Assert.That(refused.Code, Is.EqualTo(1));
        Assert.That(refused.Output, Does.Contain("Cannot baseline at version 202611220900: the database's schema is not what the migrations up to 202611220900 make").And.Contain("public.staff.phone"));
        Assert.That(diff.Code, Is.Zero, diff.Output);
        var captured = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(project, "Migrations"), "*_StaffPhone.cs").Single());
        Assert.That(captured, Does.Contain("namespace Shop.Migrations;").And.Contain("m.AddColumn(\"staff\", \"phone\", c => c.Text());").And.Contain("m.DropColumn(\"staff\", \"phone\");"));
        Assert.That(scaffold.Code, Is.Zero, scaffold.Output);
        var scaffolded = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(project, "Migrations"), "*_InitialSchema.cs").Single());
        Assert.That(scaffolded, Does.Contain("m.CreateEnum(\"role\", \"teacher\", \"student\"").And.Contain("m.CreateTable(\"staff\", t => t").And.Contain(".Column(\"phone\", c => c.Text())"));
        Directory.Delete(project, recursive: true);
    }
}
