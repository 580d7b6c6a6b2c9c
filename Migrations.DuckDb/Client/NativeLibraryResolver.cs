using System.Reflection;
using System.Runtime.InteropServices;

namespace Migrations.DuckDb.Client;

/// <summary>
/// Finds libduckdb: the path in MIGRATIONS_DUCKDB_LIBRARY, then the copy the build places under
/// runtimes/&lt;rid&gt;/native/, then the system's library search path.
/// </summary>
internal static class NativeLibraryResolver
{
    public const string PathVariable = "MIGRATIONS_DUCKDB_LIBRARY";

    public static void Register(Assembly assembly, string library) =>
        NativeLibrary.SetDllImportResolver(assembly, (name, requester, searchPath) =>
            name == library ? Load(requester, searchPath) : IntPtr.Zero);

    private static IntPtr Load(Assembly requester, DllImportSearchPath? searchPath)
    {
        var fileName = OperatingSystem.IsWindows() ? "duckdb.dll" : OperatingSystem.IsMacOS() ? "libduckdb.dylib" : "libduckdb.so";
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        foreach (var directory in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(requester.Location) ?? "" }.Distinct())
        {
            candidates.Add(Path.Combine(directory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", fileName));
            candidates.Add(Path.Combine(directory, "runtimes", $"linux-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}", "native", fileName));
            candidates.Add(Path.Combine(directory, fileName));
        }

        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        if (NativeLibrary.TryLoad("duckdb", requester, searchPath, out var systemHandle))
        {
            return systemHandle;
        }

        throw new DllNotFoundException(
            $"DuckDB's native library ({fileName}) was not found. Looked in: {string.Join(", ", candidates)} and the system library path. " +
            "Building Migrations.DuckDb fetches it (npm package @duckdb/node-bindings-linux-x64@1.5.6-r.1, which needs npm on the PATH) and copies it to " +
            $"runtimes/linux-x64/native/ in the output; or set {PathVariable} to the full path of a DuckDB 1.5 library.");
    }
}
