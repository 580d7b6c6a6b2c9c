using System.Diagnostics;

namespace Migrations.Tests.Support;

/// <summary>Runs dotnet-migrations as a process, the way a terminal or a pipeline runs it.</summary>
internal static class ToolProcess
{
    public static Task<(int Code, string Output)> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs the tool; the output is standard output, then standard error (the log left out).</summary>
    public static async Task<(int Code, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(BuiltProgram.Path("Migrations.Tool", "dotnet-migrations"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("MIGRATIONS_CONNECTION");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var log = (await error).Split('\n').Where(l => !l.StartsWith("info:", StringComparison.Ordinal) && !l.StartsWith("warn:", StringComparison.Ordinal) && !l.StartsWith("dbug:", StringComparison.Ordinal));
        return (process.ExitCode, await output + string.Join("\n", log));
    }

    /// <summary>An empty project in a new temporary folder that references the tool's Migrations.Core, as an app's project references the package.</summary>
    public static string NewProject(string rootNamespace)
    {
        var folder = Directory.CreateTempSubdirectory("migrations-project-").FullName;
        var core = Path.Combine(Path.GetDirectoryName(BuiltProgram.Path("Migrations.Tool", "dotnet-migrations"))!, "Migrations.Core.dll");
        File.WriteAllText(Path.Combine(folder, $"{rootNamespace}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{core}" />
              </ItemGroup>
            </Project>
            """);
        return folder;
    }
}
