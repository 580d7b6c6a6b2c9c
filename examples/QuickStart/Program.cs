// QuickStart: migrate a DuckDB file while the app holds its own connection to it, then add a
// customer and list the customers. Run it twice: the second run applies nothing.
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Migrations.DuckDb;
using Migrations.Running;

var connectionString = $"Data Source={(args.Length > 0 ? args[0] : "quickstart.duckdb")}";
using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));

// The app's own connection; the runner works on the same DuckDB instance, so no write is lost.
await using var connection = new DuckDBConnection(connectionString);
await connection.OpenAsync();

var runner = new MigrationRunner(
    new DuckDbDialect(connectionString),
    new MigrationRunnerOptions().ScanAssemblyOf<Program>(),
    logging.CreateLogger<MigrationRunner>());

var result = await runner.MigrateAsync();
Console.WriteLine(result.NothingToDo
    ? "Database is up to date: no migration applied."
    : $"Applied {result.Applied.Count} migration(s): {string.Join(", ", result.Applied)}");

await using (var insert = connection.CreateCommand())
{
    insert.CommandText = "INSERT INTO customers (name) VALUES ($1)";
    insert.Parameters.Add(new DuckDBParameter("John Doe"));
    await insert.ExecuteNonQueryAsync();
}

await using var query = connection.CreateCommand();
query.CommandText = "SELECT id, name FROM customers ORDER BY id";
await using var reader = await query.ExecuteReaderAsync();
Console.WriteLine("Customers:");
while (await reader.ReadAsync())
{
    Console.WriteLine($"  {reader.GetInt64(0)} {reader.GetString(1)}");
}
