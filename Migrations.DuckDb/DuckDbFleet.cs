using Migrations.Fleet;

namespace Migrations.DuckDb;

/// <summary>Fleets of DuckDB databases.</summary>
public static class DuckDbFleet
{
    /// <summary>The DuckDB files in a folder whose names match a pattern, in name order; listed when the run starts.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="searchPattern">File names to take, with <c>*</c> and <c>?</c>; <c>*.duckdb</c> by default.</param>
    public static IFleetTargets Files(string folder, string searchPattern = "*.duckdb") => new FilesInFolder(folder, searchPattern);

    private sealed class FilesInFolder(string folder, string searchPattern) : IFleetTargets
    {
        public Task<IReadOnlyList<FleetTarget>> ListAsync(CancellationToken cancellationToken)
        {
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"The fleet's folder {folder} does not exist.");
            }

            IReadOnlyList<FleetTarget> targets = Directory.GetFiles(folder, searchPattern)
                .Order(StringComparer.Ordinal)
                .Select(path => new FleetTarget(Path.GetFileName(path), () => new DuckDbDialect($"Data Source={path}")))
                .ToArray();
            return Task.FromResult(targets);
        }
    }
}
