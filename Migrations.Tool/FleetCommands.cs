using System.CommandLine;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Migrations.CommandLine;
using Migrations.DuckDb;
using Migrations.Fleet;
using Migrations.Postgres;
using Migrations.Running;

namespace Migrations.Tool;

/// <summary>
/// <c>fleet up|status</c>: the project's migrations on many databases at once, the DuckDB files of a
/// folder or the databases of a PostgreSQL server whose names match a pattern.
/// </summary>
internal static class FleetCommands
{
    public static Command Create(Func<ParseResult, Assembly> migrations, Func<ParseResult, ILoggerFactory> logging, Option<string?> connection, TextWriter writer)
    {
        var folder = new Option<DirectoryInfo?>("--duckdb-folder") { Description = "The folder of DuckDB files to migrate.", Recursive = true };
        var pattern = new Option<string>("--pattern") { Description = "Which files of the folder (*.duckdb by default), or which databases of the server (a LIKE pattern such as tenant_%).", Recursive = true };
        var postgres = new Option<bool>("--postgres") { Description = "Migrate the databases of the server --connection reaches whose names match --pattern.", Recursive = true };
        var schemas = new Option<bool>("--postgres-schemas") { Description = "Migrate the schemas of the database --connection names whose names match --pattern, each as its own tenant.", Recursive = true };
        var parallelism = new Option<int>("--parallelism") { Description = "How many databases at once.", DefaultValueFactory = _ => 4, Recursive = true };
        var json = new Option<bool>("--json") { Description = "Write the results as JSON.", Recursive = true };

        var timeout = new Option<int?>("--timeout") { Description = "Seconds one database may take; its running migration is rolled back after that." };
        var busyWait = new Option<int>("--busy-wait") { Description = "Seconds to wait for a database another runner is migrating before reporting it busy.", DefaultValueFactory = _ => 2 };
        var stopOnFailure = new Option<bool>("--stop-on-failure") { Description = "Start no further database after one fails." };
        var canaries = new Option<int>("--canaries") { Description = "Migrate this many databases first, and the rest only if they all succeed." };
        var up = new Command("up", "Applies the pending migrations to every database; exit code 1 when any failed, was busy or timed out.") { timeout, busyWait, stopOnFailure, canaries };
        up.SetAction(async (result, token) =>
        {
            var options = new FleetOptions
            {
                MaxParallelism = result.GetValue(parallelism),
                TargetTimeout = result.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                BusyWait = TimeSpan.FromSeconds(result.GetValue(busyWait)),
                StopOnFirstFailure = result.GetValue(stopOnFailure),
                Canaries = result.GetValue(canaries),
            };
            var done = await Runner(result, options).MigrateAsync(token).ConfigureAwait(false);
            writer.WriteLine(result.GetValue(json) ? Json(done.Targets.Select(t => new { target = t.Target, outcome = t.Outcome.ToString(), applied = t.Result?.Applied.Count, error = t.Error })) : done.ToString());
            return done.Succeeded ? 0 : MigrateCommand.FailedExitCode;
        });

        var drift = new Option<bool>("--drift") { Description = "Also compare each database's schema with what its migrations make." };
        var status = new Command("status", "Lists every database's version, pending and edited migrations (and drift), and how many are at each version.") { drift };
        status.SetAction(async (result, token) =>
        {
            var found = await Runner(result, new FleetOptions { MaxParallelism = result.GetValue(parallelism) }).GetStatusAsync(result.GetValue(drift), token).ConfigureAwait(false);
            writer.WriteLine(result.GetValue(json)
                ? Json(found.Targets.Select(t => new
                {
                    target = t.Target,
                    version = t.Status?.CurrentVersion,
                    pending = t.Status?.Pending.Count,
                    edited = t.Status?.Changed.Count,
                    drift = t.Drift is null ? (bool?)null : !t.Drift.IsClean,
                    error = t.Error,
                }))
                : found.ToString());
            return found.Targets.Any(t => t.Status is null) ? MigrateCommand.FailedExitCode : 0;
        });

        var fleet = new Command("fleet", "The migrations on many databases at once: --duckdb-folder <folder> [--pattern *.duckdb], --postgres --pattern <LIKE pattern> with --connection to the server, or --postgres-schemas --pattern <LIKE pattern> with --connection to the database.")
        {
            folder, pattern, postgres, schemas, parallelism, json, up, status,
        };
        return fleet;

        FleetRunner Runner(ParseResult result, FleetOptions options)
        {
            string Server() => result.GetValue(connection) ?? Environment.GetEnvironmentVariable(ConnectionSource.Variable)
                ?? throw new ToolException("A PostgreSQL fleet needs --connection (to any database of the server for --postgres, to the tenants' database for --postgres-schemas).");
            string Pattern() => result.GetValue(pattern)
                ?? throw new ToolException("A PostgreSQL fleet needs --pattern, a LIKE pattern for the names (for example tenant_%).");
            var targets = (result.GetValue(folder), result.GetValue(postgres), result.GetValue(schemas)) switch
            {
                ({ } dir, false, false) => DuckDbFleet.Files(dir.FullName, result.GetValue(pattern) ?? "*.duckdb"),
                (null, true, false) => PostgresFleet.Databases(Server(), Pattern()),
                (null, false, true) => PostgresFleet.Schemas(Server(), Pattern()),
                _ => throw new ToolException("Name the fleet: --duckdb-folder <folder> for DuckDB files, --postgres --pattern <LIKE pattern> for the databases of a server, or --postgres-schemas --pattern <LIKE pattern> for the schemas of a database."),
            };
            var runnerOptions = new MigrationRunnerOptions();
            runnerOptions.Assemblies.Add(migrations(result));
            return new FleetRunner(targets, runnerOptions, options, logging(result));
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, Indented);
}
