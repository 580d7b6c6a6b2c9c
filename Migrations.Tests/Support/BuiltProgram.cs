namespace Migrations.Tests.Support;

/// <summary>Finds the build output of another project of this repository, to run it as its own process.</summary>
internal static class BuiltProgram
{
    /// <param name="project">The project's folder relative to the repository root, for example <c>examples/WebApi</c>.</param>
    /// <param name="assembly">The assembly's file name when it differs from the project's folder name.</param>
    public static string Path(string project, string? assembly = null)
    {
        // This project's output is <repository>/Migrations.Tests/bin/<Configuration>/<framework>/.
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = output.Parent!.Name;
        var repository = output.Parent.Parent!.Parent!.Parent!.FullName;
        var path = System.IO.Path.Combine(repository, project, "bin", configuration, output.Name, (assembly ?? System.IO.Path.GetFileName(project)) + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first (the test project references it).", path);
    }
}
