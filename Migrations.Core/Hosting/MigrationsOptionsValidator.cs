using Microsoft.Extensions.Options;

namespace Migrations.Hosting;

/// <summary>Checks the configuration once at start, with messages that say what to fix.</summary>
internal sealed class MigrationsOptionsValidator : IValidateOptions<MigrationsOptions>
{
    public ValidateOptionsResult Validate(string? name, MigrationsOptions options)
    {
        var problems = new List<string>(options.Problems);
        if (options.Dialect is null)
        {
            problems.Add("No database is configured for migrations: call UseDuckDb(\"Data Source=app.duckdb\") or UsePostgres(connectionString) inside AddMigrations(...).");
        }

        if (options.Runner.Assemblies.Count == 0 && options.Runner.MigrationTypes.Count == 0)
        {
            problems.Add("No migrations are configured: call ScanAssemblyOf<Program>() (or Add(typeof(MyMigration))) inside AddMigrations(...).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
