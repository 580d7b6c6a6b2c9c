using System.Collections;
using System.Reflection;
using DuckDB.NET.Data;

namespace Migrations.DuckDb.Connections;

/// <summary>
/// The database files DuckDB.NET has open in this process, by the data source each was opened
/// with. DuckDB.NET keeps one database instance per data source string (compared ignoring case)
/// while a connection to it is open; a second spelling of the same file would open a second
/// instance, and two instances on one file overwrite each other's writes. The runner therefore
/// joins the instance already open under another spelling. DuckDB.NET does not publish this list,
/// so it is read from its connection cache; a test pins that this still works for the version we depend on.
/// </summary>
internal static class OpenInstances
{
    private static readonly FieldInfo? Cache = typeof(DuckDBConnection).Assembly
        .GetType("DuckDB.NET.Data.Connection.ConnectionManager")
        ?.GetField("ConnectionCache", BindingFlags.NonPublic | BindingFlags.Static);

    /// <summary>Whether the list can be read from the DuckDB.NET version in use.</summary>
    public static bool IsVisible => Cache?.GetValue(null) is IDictionary;

    /// <summary>The data sources with an open instance.</summary>
    public static IReadOnlyList<string> DataSources() =>
        Cache?.GetValue(null) is IDictionary open ? open.Keys.OfType<string>().ToArray() : [];

    /// <summary>
    /// The spelling to open <paramref name="source"/> with so that it shares the instance already open
    /// on its file, or its own spelling when none is open.
    /// </summary>
    public static string SpellingFor(DuckDbDataSource source)
    {
        if (source.File is null)
        {
            return source.Name;
        }

        var open = DataSources();
        if (open.Contains(source.Name, StringComparer.Ordinal))
        {
            // The usual case, the app and the runner spelling the file alike: DuckDB.NET shares that instance.
            return source.Name;
        }

        foreach (var other in open)
        {
            if (other.Equals(DuckDbDataSource.SharedMemory, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (FilePaths.Comparer.Equals(FilePaths.Resolve(other), source.File))
            {
                return other;
            }

            if (other.Equals(source.Name, StringComparison.OrdinalIgnoreCase))
            {
                // DuckDB.NET would hand out the instance of that other file for this name.
                throw new InvalidOperationException(
                    $"DuckDB.NET has \"{other}\" open and treats data sources that differ only in letter case as one database, but \"{source.Name}\" is another file ({source.File}). " +
                    "Rename one of the files, or spell this one differently (for example by its absolute path).");
            }
        }

        return source.Name;
    }
}
