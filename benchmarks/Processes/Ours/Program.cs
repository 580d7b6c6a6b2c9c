// A user's app: migrate the database given as the first argument with the migrations in this assembly.
using Migrations.Benchmarks.Processes;
using Migrations.Postgres;
using Migrations.Running;

var options = new MigrationRunnerOptions();
options.Assemblies.Add(typeof(ProcessStats).Assembly);
await using (var dialect = new PostgresDialect(args[0]))
{
    var result = await new MigrationRunner(dialect, options).MigrateAsync();
    Console.WriteLine($"applied {result.Applied.Count}");
}

ProcessStats.Print();
