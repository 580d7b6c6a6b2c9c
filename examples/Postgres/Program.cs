// The second seed's app on PostgreSQL: enums used by several tables, students from a JSON file.
// Usage: dotnet run --project examples/Postgres [-- "<connection string>"]
// Without a connection string it starts a throwaway PostgreSQL from the local binaries.
using Microsoft.Extensions.Logging;
using Migrations.Postgres;
using Migrations.Running;
using Migrations.Testing;
using Npgsql;
using PostgresExample.Migrations;

using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
await using var throwaway = args.Length == 0 ? await PostgresTestServer.StartAsync() : null;
var connectionString = args.Length > 0 ? args[0] : await throwaway!.CreateDatabaseAsync("example");

await using var dialect = new PostgresDialect(connectionString);
var runner = new MigrationRunner(dialect, new MigrationRunnerOptions().ScanAssemblyOf<UsersAndContent>(), logging.CreateLogger<MigrationRunner>());
await runner.MigrateAsync();

await using var connection = new NpgsqlConnection(connectionString);
await connection.OpenAsync();
await using (var query = new NpgsqlCommand("SELECT id, email, role::text FROM users ORDER BY id", connection))
await using (var reader = await query.ExecuteReaderAsync())
{
    Console.WriteLine("Students:");
    while (await reader.ReadAsync())
    {
        Console.WriteLine($"  {reader.GetInt32(0)} {reader.GetString(1)} ({reader.GetString(2)})");
    }
}

var status = await runner.GetStatusAsync();
Console.WriteLine($"Database at version {status.CurrentVersion}; {status.Pending.Count} pending.");
