using System.CommandLine;

namespace Migrations.Tool;

/// <summary><c>new &lt;Name&gt;</c>: writes an empty migration class into the project's Migrations folder.</summary>
internal static class NewMigrationCommand
{
    public static Command Create(Option<FileSystemInfo?> project, TextWriter writer)
    {
        var name = new Argument<string>("name") { Description = "The migration's class name, for example AddCustomerEmail." };
        var folder = OutputDirectory();
        var command = new Command("new", "Writes a new migration class into the project, versioned by the current time.") { name, folder };
        command.SetAction(result =>
        {
            var file = Write(ProjectAssembly.ProjectFile(result.GetValue(project)), result.GetValue(name)!, result.GetValue(folder)!, DateTimeOffset.UtcNow);
            writer.WriteLine($"wrote     {file}");
            return 0;
        });
        return command;
    }

    /// <summary>The --output-dir option the commands that write migration files share.</summary>
    public static Option<string> OutputDirectory() =>
        new("--output-dir", "--output", "-o") { Description = "The folder, relative to the project, for the new file.", DefaultValueFactory = _ => "Migrations" };

    public static string Write(FileInfo project, string name, string folder, DateTimeOffset now)
    {
        var file = MigrationFile.Plan(project, name, folder, now);
        file.Write($$"""
            using Migrations;
            using Migrations.Building;

            namespace {{file.Namespace}};

            [Migration({{file.Version}}, "{{file.Description}}")]
            public sealed class {{file.ClassName}} : Migration
            {
                public override void Up(MigrationBuilder migration)
                {
                }
            }

            """);
        return file.Path;
    }
}
