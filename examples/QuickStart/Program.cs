// QuickStart: migrate a DuckDB file, add a customer, list the customers.
// Run it twice: the second run finds the database up to date and applies nothing.
using Microsoft.Extensions.Logging;
using Migrations.DuckDb;
using DuckDB.NET.Data;
using Migrations.Running;

var path = args.Length > 0 ? args[0] : "quickstart.duckdb";
using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));

var runner = new MigrationRunner(
    new DuckDbDialect($"Data Source={path}"),
    new MigrationRunnerOptions().ScanAssemblyOf<Program>(),
    logging.CreateLogger<MigrationRunner>());

var result = await runner.MigrateAsync();
Console.WriteLine(result.NothingToDo
    ? "Database is up to date: no migration applied."
    : $"Applied {result.Applied.Count} migration(s): {string.Join(", ", result.Applied)}");

await using var connection = new DuckDBConnection($"Data Source={path}");
await connection.OpenAsync();

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
