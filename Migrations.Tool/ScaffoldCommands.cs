using System.CommandLine;
using Migrations.Running;
using Migrations.Scaffolding;

namespace Migrations.Tool;

/// <summary>
/// <c>scaffold</c> writes one migration that makes a live database's schema (for adopting the
/// library on an existing database); <c>diff</c> writes one with the changes that take the schema
/// the project's migrations make to the live database's (changes made by hand, captured).
/// </summary>
internal static class ScaffoldCommands
{
    public static IEnumerable<Command> Create(Option<FileSystemInfo?> project, Func<ParseResult, MigrationRunner> runner, TextWriter writer)
    {
        var scaffoldName = new Argument<string>("name") { Description = "The migration's class name.", DefaultValueFactory = _ => "InitialSchema" };
        var scaffoldFolder = NewMigrationCommand.OutputDirectory();
        var scaffold = new Command("scaffold", "Writes one migration that makes the connected database's schema: tables in foreign-key order, keys, checks, indexes, sequences, enum types, defaults, identity columns, views.")
        {
            scaffoldName, scaffoldFolder,
        };
        scaffold.SetAction(async (result, token) =>
        {
            var migrations = runner(result);
            var found = await migrations.ReverseEngineerAsync(token).ConfigureAwait(false);
            var file = Write(result.GetValue(project), result.GetValue(scaffoldName)!, result.GetValue(scaffoldFolder)!, found,
                $"The schema of the database as it was on {DateTimeOffset.UtcNow:yyyy-MM-dd}, reverse-engineered by dotnet migrations scaffold.", writer);
            writer.WriteLine($"The database already has this schema: record the migration as applied there with `dotnet migrations baseline {file.Version}` once the project builds with it.");
            return 0;
        });

        var diffName = new Argument<string>("name") { Description = "The migration's class name, for example CaptureHandChanges." };
        var diffFolder = NewMigrationCommand.OutputDirectory();
        var diff = new Command("diff", "Writes a migration with the changes that take the schema the project's migrations make to the connected database's schema.")
        {
            diffName, diffFolder,
        };
        diff.SetAction(async (result, token) =>
        {
            var found = await runner(result).DiffAsync(token).ConfigureAwait(false);
            if (found.IsEmpty)
            {
                writer.WriteLine("No differences: the database's schema is the one the migrations make; nothing was written.");
                return 0;
            }

            var file = Write(result.GetValue(project), result.GetValue(diffName)!, result.GetValue(diffFolder)!, found,
                "Changes found in the database that the earlier migrations do not make, captured by dotnet migrations diff.", writer);
            writer.WriteLine($"The database already has these changes: once the project builds with the migration, record it as applied there with `dotnet migrations baseline {file.Version}`; other databases get it with `dotnet migrations up`.");
            return 0;
        });

        return [scaffold, diff];
    }

    private static MigrationFile Write(FileSystemInfo? project, string name, string folder, ScaffoldedMigration migration, string summary, TextWriter writer)
    {
        var file = MigrationFile.Plan(ProjectAssembly.ProjectFile(project), name, folder, DateTimeOffset.UtcNow);
        file.Write(MigrationSourceWriter.Write(migration, file.Namespace, file.ClassName, file.Version, file.Description, summary));
        writer.WriteLine($"wrote     {file.Path} ({migration.Up.Count} operations)");
        foreach (var warning in migration.Warnings)
        {
            writer.WriteLine($"not reproduced: {warning}");
        }

        return file;
    }
}
