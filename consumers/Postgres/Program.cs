// PostgreSQL from the packages: a throwaway server, an enum used by two tables, seed rows, read back;
// and which build of the runner's code the host loaded.
using System.Reflection.PortableExecutable;
using Migrations;
using Migrations.Building;
using Migrations.Postgres;
using Migrations.Running;
using Migrations.Testing;
using Npgsql;

// On the platforms the packages carry precompiled code for, the host loads that image instead of the IL.
foreach (var assembly in new[] { typeof(MigrationRunner).Assembly, typeof(PostgresDialect).Assembly })
{
    using var image = new PEReader(File.OpenRead(assembly.Location));
    var precompiled = image.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    Console.WriteLine($"{assembly.GetName().Name}: {(precompiled ? "precompiled" : "IL only")}, loaded from {Path.GetRelativePath(AppContext.BaseDirectory, assembly.Location)}");
}

await using var server = await PostgresTestServer.StartAsync();
var connectionString = await server.CreateDatabaseAsync("consumer");
await using (var dialect = new PostgresDialect(connectionString))
{
    var runner = new MigrationRunner(dialect, new MigrationRunnerOptions().ScanAssemblyOf<UsersAndTeams>());
    await runner.MigrateAsync();
    if (!(await runner.MigrateAsync()).NothingToDo)
    {
        throw new InvalidOperationException("The second run applied migrations again.");
    }
}

await using var connection = new NpgsqlConnection(connectionString);
await connection.OpenAsync();
await using var command = new NpgsqlCommand("SELECT string_agg(name || ':' || role::text, ',' ORDER BY name) FROM users", connection);
var users = (string?)await command.ExecuteScalarAsync();
Console.WriteLine($"users: {users}");
return users == "ann:teacher,bob:student" ? 0 : 1;

[Migration(1, "Users and teams")]
public sealed class UsersAndTeams : Migration
{
    public override void Up(MigrationBuilder m)
    {
        m.CreateEnum("role", "teacher", "student");
        m.CreateTable("users", t => t
            .Column("id", c => c.Int64().Identity().PrimaryKey())
            .Column("name", c => c.String().NotNull())
            .Column("role", c => c.Enum("role").NotNull()));
        m.CreateTable("teams", t => t
            .Column("id", c => c.Int64().Identity().PrimaryKey())
            .Column("lead_role", c => c.Enum("role")));
        m.InsertData("users", ["name", "role"], ["ann", "teacher"], ["bob", "student"]);
    }

    public override void Down(MigrationBuilder m) => m.DropTable("teams").DropTable("users").DropEnum("role");
}
