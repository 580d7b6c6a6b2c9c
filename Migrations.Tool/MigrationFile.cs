using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Migrations.Tool;

/// <summary>
/// Where a new migration class goes: a timestamp version (UTC, yyyyMMddHHmmss), a file
/// <c>{version}_{Name}.cs</c> in a folder of the project, and the namespace the project's own files there have.
/// </summary>
internal sealed partial record MigrationFile(string Path, string Namespace, long Version, string ClassName)
{
    /// <summary>The class name as words, for the migration's description: AddCustomerEmail as "Add customer email".</summary>
    public string Description
    {
        get
        {
            var text = new StringBuilder();
            foreach (var c in ClassName.Replace('_', ' '))
            {
                text.Append(char.IsUpper(c) && text.Length > 0 && text[^1] != ' ' ? " " + char.ToLowerInvariant(c) : c.ToString());
            }

            return text.ToString();
        }
    }

    public static MigrationFile Plan(FileInfo project, string name, string folder, DateTimeOffset now)
    {
        if (!Identifier().IsMatch(name))
        {
            throw new ToolException($"\"{name}\" is not a C# class name: use letters, digits and underscores, starting with a letter (for example AddCustomerEmail).");
        }

        var directory = System.IO.Path.Combine(project.DirectoryName!, folder);
        if (Directory.Exists(directory) && Directory.GetFiles(directory, $"*_{name}.cs").Length > 0)
        {
            throw new ToolException($"{folder} already has a migration named {name}: choose another name.");
        }

        var version = long.Parse(now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var ns = RootNamespace(project) + string.Concat(folder.Split('/', '\\', StringSplitOptions.RemoveEmptyEntries).Select(p => "." + p));
        return new MigrationFile(System.IO.Path.Combine(directory, $"{version}_{name}.cs"), ns, version, name);
    }

    public void Write(string source)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        File.WriteAllText(Path, source);
    }

    /// <summary>The project's RootNamespace, or its file name as the SDK uses by default.</summary>
    private static string RootNamespace(FileInfo project) =>
        XDocument.Load(project.FullName).Descendants("RootNamespace").Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0)
        ?? System.IO.Path.GetFileNameWithoutExtension(project.Name).Replace('-', '_').Replace(' ', '_');

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
