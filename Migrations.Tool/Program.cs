using System.CommandLine;
using Microsoft.Extensions.Logging;
using Migrations.CommandLine;
using Migrations.Running;
using Migrations.Tool;

// dotnet migrations <command> --assembly App.dll | --project App.csproj [--configuration Release], --connection "..." | --connection-name Name, --provider duckdb|postgres
var assembly = new Option<FileInfo?>("--assembly", "-a") { Description = "The built assembly that holds the migrations.", Recursive = true };
var project = new Option<FileSystemInfo?>("--project", "-p") { Description = "The project (or its folder) to build and load; the project in the current folder by default.", Recursive = true };
var configuration = new Option<string?>("--configuration") { Description = "The configuration to build --project in (Debug by default).", Recursive = true };
var connection = new Option<string?>("--connection", "-c") { Description = $"The connection string; or set {ConnectionSource.Variable}.", Recursive = true };
var connectionName = new Option<string?>("--connection-name") { Description = "A connection string of the app's configuration (ConnectionStrings in appsettings.json, user secrets).", Recursive = true };
var provider = new Option<string?>("--provider") { Description = "duckdb or postgres; guessed from the connection string when left out.", Recursive = true };
var verbose = new Option<bool>("--verbose", "-v") { Description = "Log each statement as it runs (to standard error).", Recursive = true };

var root = new RootCommand("Applies, reverts, checks and writes the migrations of a .NET project, on DuckDB or PostgreSQL.");
foreach (var option in new Option[] { assembly, project, configuration, connection, connectionName, provider, verbose })
{
    root.Options.Add(option);
}

var loggers = new List<ILoggerFactory>();
System.Reflection.Assembly LoadMigrations(ParseResult result) =>
    ProjectAssembly.Load(result.GetValue(assembly), result.GetValue(project), result.GetValue(configuration));

ILoggerFactory Logging(ParseResult result)
{
    var logging = LoggerFactory.Create(b => b
        .AddSimpleConsole(o => o.SingleLine = true)
        // The log goes to standard error, so that standard output carries only results (JSON, scripts).
        .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
        .AddFilter((_, level) => level >= (result.GetValue(verbose) ? LogLevel.Debug : LogLevel.Information)));
    loggers.Add(logging);
    return logging;
}

MigrationRunner CreateRunner(ParseResult result)
{
    var migrations = LoadMigrations(result);
    var connectionString = ConnectionSource.Resolve(result.GetValue(connection), result.GetValue(connectionName), migrations);
    var options = new MigrationRunnerOptions();
    options.Assemblies.Add(migrations);
    return new MigrationRunner(DialectFactory.Create(result.GetValue(provider), connectionString), options, Logging(result).CreateLogger<MigrationRunner>());
}

MigrationCommands.AddTo(root, CreateRunner, Console.Out);
root.Subcommands.Add(NewMigrationCommand.Create(project, Console.Out));
foreach (var command in ScaffoldCommands.Create(project, CreateRunner, Console.Out))
{
    root.Subcommands.Add(command);
}

root.Subcommands.Add(FleetCommands.Create(LoadMigrations, Logging, connection, Console.Out));

try
{
    return await MigrateCommand.InvokeAsync(root, args, Console.Out, Console.Error, CancellationToken.None);
}
finally
{
    foreach (var logging in loggers)
    {
        logging.Dispose();
    }
}
