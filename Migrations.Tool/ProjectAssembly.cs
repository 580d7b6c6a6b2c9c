using System.Diagnostics;
using System.Reflection;

namespace Migrations.Tool;

/// <summary>Finds (and with --project, builds) the assembly that holds the migrations, and loads it.</summary>
internal static class ProjectAssembly
{
    public static Assembly Load(FileInfo? assembly, FileSystemInfo? project, string? configuration)
    {
        var path = assembly?.FullName ?? Build(ProjectFile(project), configuration);
        if (!File.Exists(path))
        {
            throw new ToolException($"The assembly {path} does not exist: build the project first, or give --project to have it built.");
        }

        var loaded = new ProjectLoadContext(path).LoadFromAssemblyPath(path);
        var theirs = loaded.GetReferencedAssemblies().FirstOrDefault(a => a.Name == "Migrations.Core")?.Version;
        var ours = typeof(Migration).Assembly.GetName().Version;
        if (theirs is not null && ours is not null && theirs > ours)
        {
            // The project's migrations run on the tool's copy of Migrations.Core: an older one may lack what they use.
            throw new ToolException($"{Path.GetFileName(path)} uses Migrations.Core {theirs}, newer than this tool's {ours}: update the tool (dotnet tool update Migrations.Tool).");
        }

        return loaded;
    }

    /// <summary>The project file given, or the only one in the folder given (the current folder by default).</summary>
    public static FileInfo ProjectFile(FileSystemInfo? project)
    {
        if (project is FileInfo { Exists: true } file)
        {
            return file;
        }

        var folder = project as DirectoryInfo ?? new DirectoryInfo(project?.FullName ?? Directory.GetCurrentDirectory());
        if (!folder.Exists)
        {
            throw new ToolException($"{folder.FullName} does not exist: give --project a .csproj file or the folder that holds one.");
        }

        var found = folder.GetFiles("*.csproj");
        return found.Length == 1
            ? found[0]
            : throw new ToolException(found.Length == 0
                ? $"No project in {folder.FullName}: give --assembly path/to/App.dll, or --project path/to/App.csproj."
                : $"{found.Length} projects in {folder.FullName} ({string.Join(", ", found.Select(f => f.Name))}): name one with --project.");
    }

    /// <summary>Builds the project (in its default configuration, Debug, unless one is given) and returns the path of the assembly it built.</summary>
    private static string Build(FileInfo project, string? configuration)
    {
        var property = configuration is null ? "" : $" -p:Configuration=\"{configuration}\"";
        Run("build", $"\"{project.FullName}\" --nologo -v quiet{property}");
        return Run("msbuild", $"\"{project.FullName}\" -getProperty:TargetPath -nologo{property}").Trim();
    }

    private static string Run(string verb, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"{verb} {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new ToolException("Could not start dotnet to build the project.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Result
            : throw new ToolException($"dotnet {verb} failed with exit code {process.ExitCode}:{Environment.NewLine}{output.Result}{error}".TrimEnd());
    }
}
