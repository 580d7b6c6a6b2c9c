using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Migrations.Tool;

/// <summary>
/// <c>new &lt;Name&gt;</c>: writes a migration class with a timestamp version (UTC, yyyyMMddHHmmss)
/// into the project's Migrations folder, in the project's root namespace.
/// </summary>
internal static partial class NewMigrationCommand
{
    public static Command Create(Option<FileSystemInfo?> project, TextWriter writer)
    {
        var name = new Argument<string>("name") { Description = "The migration's class name, for example AddCustomerEmail." };
        var folder = new Option<string>("--output-dir") { Description = "The folder, relative to the project, for the new file.", DefaultValueFactory = _ => "Migrations" };
        var command = new Command("new", "Writes a new migration class into the project, versioned by the current time.") { name, folder };
        command.SetAction(result =>
        {
            var file = Write(ProjectAssembly.ProjectFile(result.GetValue(project)), result.GetValue(name)!, result.GetValue(folder)!, DateTimeOffset.UtcNow);
            writer.WriteLine($"wrote     {file}");
            return 0;
        });
        return command;
    }

    public static string Write(FileInfo project, string name, string folder, DateTimeOffset now)
    {
        if (!Identifier().IsMatch(name))
        {
            throw new ToolException($"\"{name}\" is not a C# class name: use letters, digits and underscores, starting with a letter (for example AddCustomerEmail).");
        }

        var version = long.Parse(now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var directory = Path.Combine(project.DirectoryName!, folder);
        if (Directory.Exists(directory) && Directory.GetFiles(directory, $"*_{name}.cs").Length > 0)
        {
            throw new ToolException($"{folder} already has a migration named {name}: choose another name.");
        }

        Directory.CreateDirectory(directory);
        var ns = RootNamespace(project) + string.Concat(folder.Split('/', '\\', StringSplitOptions.RemoveEmptyEntries).Select(p => "." + p));
        var path = Path.Combine(directory, $"{version}_{name}.cs");
        File.WriteAllText(path, $$"""
            using Migrations;
            using Migrations.Building;

            namespace {{ns}};

            [Migration({{version}}, "{{Words(name)}}")]
            public sealed class {{name}} : Migration
            {
                public override void Up(MigrationBuilder migration)
                {
                }
            }

            """);
        return path;
    }

    /// <summary>The project's RootNamespace, or its file name as the SDK uses by default.</summary>
    private static string RootNamespace(FileInfo project) =>
        XDocument.Load(project.FullName).Descendants("RootNamespace").Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0)
        ?? Path.GetFileNameWithoutExtension(project.Name).Replace('-', '_').Replace(' ', '_');

    /// <summary>AddCustomerEmail as "Add customer email".</summary>
    private static string Words(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Replace('_', ' '))
        {
            text.Append(char.IsUpper(c) && text.Length > 0 && text[^1] != ' ' ? " " + char.ToLowerInvariant(c) : c.ToString());
        }

        return text.ToString();
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
