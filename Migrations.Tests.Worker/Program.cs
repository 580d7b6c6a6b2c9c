// A separate OS process that migrates one PostgreSQL database; tests start several at once.
// Usage: Migrations.Tests.Worker <connection string>. Prints the versions it applied; exit code 0 on success.
using Migrations.Postgres;
using Migrations.Running;
using Migrations.Tests.Worker;

try
{
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
