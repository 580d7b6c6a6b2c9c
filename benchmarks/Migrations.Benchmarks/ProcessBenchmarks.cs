using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Migrations.Testing;
using Npgsql;

namespace Migrations.Benchmarks;

/// <summary>
/// Whole processes, as a user pays for them: Release apps published from benchmarks/Processes,
/// each started once per measurement, ours and the hand-written Npgsql floor in pairs (the order
/// alternating), on databases of their own on one throwaway PostgreSQL server.
/// </summary>
internal static partial class ProcessBenchmarks
{
    private const int Migrations = 300;

    public static async Task RunAsync(string directory, int pairs, string? workload)
    {
        var repository = FindRepository();
        var apps = Path.Combine(directory, "apps");
        var generated = Path.Combine(directory, "Generated.cs");
        await File.WriteAllTextAsync(generated, GeneratedSource(Migrations));
        var packages = await PackAsync(repository, Path.Combine(directory, "packages"));
        var ours = await PublishAsync(repository, "Ours", "ours", apps, [$"-p:GeneratedMigrations={generated}", .. packages]);
        var oursSeed = await PublishAsync(repository, "OursSeed", "ours-seed", apps, packages);
        var floor = await PublishAsync(repository, "Floor", "floor", apps);

        await using var server = await PostgresTestServer.StartAsync();
        Console.WriteLine($"whole processes, {pairs} pairs each, medians (wall ms / CPU ms / peak MiB):");
        if (workload is null or "apply")
        {
            await CompareAsync("apply 300 migrations", pairs, server, fresh: true,
                cs => Run(ours, cs), cs => Run(floor, "apply", cs));
        }

        if (workload is null or "noop")
        {
            var atHead = await server.CreateDatabaseAsync("head");
            await Run(ours, atHead);
            await CompareAsync("no-op start at head (300 migrations)", pairs, server, fresh: false,
                _ => Run(ours, atHead), _ => Run(floor, "noop", atHead));
        }

        if (workload is null or "seed")
        {
            await CompareAsync("seed 200,000 rows in one migration", pairs, server, fresh: true,
                cs => Run(oursSeed, cs), cs => Run(floor, "seed", cs));
        }

        if (workload is null or "concurrent")
        {
            await ConcurrentStarts.CompareAsync(server, ours, floor);
        }

        if (workload is null or "r2r")
        {
            // Both apps published ReadyToRun, as many deployments are: the app's own code (our side's
            // 300 migration classes) precompiled too, tiered compilation left on.
            await ComparePublishedAsync("ReadyToRun", "r2r", ["-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-p:PublishReadyToRun=true"]);
        }

        if (workload is null or "aot")
        {
            // Both apps published ahead of time (NativeAOT) for this machine: no compilation as they run.
            await ComparePublishedAsync("NativeAOT", "native", ["-r", RuntimeInformation.RuntimeIdentifier, "-p:PublishAot=true"]);
        }

        // Both apps published again with the given properties: a start at head, then apply-300.
        async Task ComparePublishedAsync(string label, string folder, string[] publishing)
        {
            var oursPublished = await PublishAsync(repository, "Ours", "ours", Path.Combine(apps, folder), [$"-p:GeneratedMigrations={generated}", .. packages, .. publishing]);
            var floorPublished = await PublishAsync(repository, "Floor", "floor", Path.Combine(apps, folder), publishing);
            var atHead = await server.CreateDatabaseAsync($"{folder}_head");
            await Run(oursPublished, atHead);
            await CompareAsync($"{label}: no-op start at head (300 migrations)", pairs, server, fresh: false,
                _ => Run(oursPublished, atHead), _ => Run(floorPublished, "noop", atHead));
            await CompareAsync($"{label}: apply 300 migrations", pairs, server, fresh: true,
                cs => Run(oursPublished, cs), cs => Run(floorPublished, "apply", cs));
        }
    }

    private static async Task CompareAsync(string name, int pairs, PostgresTestServer server, bool fresh, Func<string, Task<Sample>> ours, Func<string, Task<Sample>> floor)
    {
        var oursSamples = new List<Sample>();
        var floorSamples = new List<Sample>();
        for (var pair = 0; pair < pairs; pair++)
        {
            foreach (var oursSide in pair % 2 == 0 ? new[] { true, false } : [false, true])
            {
                var database = fresh ? await server.CreateDatabaseAsync(oursSide ? "ours" : "floor") : "";
                if (fresh)
                {
                    await CheckpointAsync(server);
                }

                (oursSide ? oursSamples : floorSamples).Add(await (oursSide ? ours : floor)(database));
            }
        }

        var (o, f) = (Sample.Median(oursSamples), Sample.Median(floorSamples));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: ours {o}, floor {f}, wall {o.WallMs / f.WallMs:F2}x, CPU {o.CpuMs / f.CpuMs:F2}x, peak {o.PeakMib / f.PeakMib:F2}x"));
    }

    private static async Task<Sample> Run(string executable, params string[] arguments)
    {
        var run = await ChildProcess.RunAsync(executable, arguments);
        if (run.ExitCode != 0 || StatsLine().Match(run.Output) is not { Success: true } stats)
        {
            throw new InvalidOperationException($"{Path.GetFileName(executable)} failed ({run.ExitCode}): {run.Output} {run.Error}");
        }

        return new Sample(run.Elapsed.TotalMilliseconds, double.Parse(stats.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(stats.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Publishes an app into a folder of its own and returns the path of its executable.</summary>
    private static async Task<string> PublishAsync(string repository, string project, string executable, string apps, params string[] properties)
    {
        var output = Path.Combine(apps, executable);
        await DotnetAsync($"Publishing {project}", ["publish", Path.Combine(repository, "benchmarks", "Processes", project, $"{project}.csproj"), "-c", "Release", "-o", output, "--nologo", .. properties]);
        return Path.Combine(output, executable);
    }

    /// <summary>
    /// Packs the runner and the PostgreSQL dialect as they ship (precompiled code included) under a
    /// version of their own, and returns the properties that make the apps install them from there.
    /// </summary>
    private static async Task<string[]> PackAsync(string repository, string folder)
    {
        const string version = "0.0.0-benchmark";
        foreach (var project in new[] { "Migrations.Core", "Migrations.Postgres" })
        {
            await DotnetAsync($"Packing {project}", ["pack", Path.Combine(repository, project, $"{project}.csproj"), "-c", "Release", "-o", folder, $"-p:Version={version}", "--nologo"]);

            // A restore takes a version it already has from the cache: the one just packed must replace it.
            var cached = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"), project.ToLowerInvariant(), version);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }

        return [$"-p:MigrationsPackages={folder}", $"-p:MigrationsVersion={version}"];
    }

    private static async Task DotnetAsync(string what, string[] arguments)
    {
        var run = await ChildProcess.RunAsync("dotnet", arguments);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed: {run.Output} {run.Error}");
        }
    }

    /// <summary>The migrations of the apply workload as C#, one class each, as an app would have them.</summary>
    private static string GeneratedSource(int count)
    {
        var source = new StringBuilder("using Migrations.Building;\n\nnamespace Migrations.Benchmarks.Processes;\n");
        for (var version = 1; version <= count; version++)
        {
            source.Append(CultureInfo.InvariantCulture, $$"""

                [Migration({{version}}, "Generated {{version}}")]
                public sealed class M{{version:D5}} : Migration
                {
                    public override void Up(MigrationBuilder m)
                    {
                        m.CreateTable("t{{version}}", t => t.Column("id", c => c.Int64()).Column("name", c => c.Text()));
                        m.AddColumn("t{{version}}", "extra", c => c.Int32());
                        m.CreateIndex("t{{version}}", "name");
                    }
                }

                """);
        }

        return source.ToString();
    }

    private static async Task CheckpointAsync(PostgresTestServer server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CHECKPOINT", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Migrations.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from the repository: benchmarks/Processes is built from source.");
    }

    [GeneratedRegex(@"stats cpu_ms=([0-9.]+) peak_mib=([0-9.]+)")]
    private static partial Regex StatsLine();

    private sealed record Sample(double WallMs, double CpuMs, double PeakMib)
    {
        public static Sample Median(List<Sample> samples)
        {
            static double Middle(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
            return new Sample(Middle(samples.Select(s => s.WallMs)), Middle(samples.Select(s => s.CpuMs)), Middle(samples.Select(s => s.PeakMib)));
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{WallMs:F0} / {CpuMs:F0} / {PeakMib:F1}");
    }
}
