// A separate OS process for tests that need more than one process.
// Usage: Migrations.Tests.Worker <connection string>             migrates one PostgreSQL database; prints the versions it applied.
//        Migrations.Tests.Worker hold-duckdb <path> <milliseconds> keeps a DuckDB file open for writing, then exits.
// Exit code 0 on success.
using DuckDB.NET.Data;
using Migrations.Postgres;
using Migrations.Running;
using Migrations.Tests.Worker;

try
{
    if (args is ["hold-duckdb", var path, var milliseconds])
    {
        await using var connection = new DuckDBConnection($"Data Source={path}");
        await connection.OpenAsync();
        Console.WriteLine("holding");
        await Task.Delay(int.Parse(milliseconds, System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    }

    await using var dialect = new PostgresDialect(args[0]);
    var result = await new MigrationRunner(dialect, new MigrationRunnerOptions().ScanAssemblyOf<Log>()).MigrateAsync();
    Console.WriteLine($"applied {result.Applied.Count}: {string.Join(",", result.Applied.Select(a => a.Version))}");
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine(e);
    return 1;
}
