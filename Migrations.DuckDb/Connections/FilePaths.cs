namespace Migrations.DuckDb.Connections;

/// <summary>One name per file, however a path spells it: absolute, with every symbolic link resolved.</summary>
internal static class FilePaths
{
    private const int MaxLinks = 40;

    /// <summary>Whether two resolved paths name the same file on this platform's file systems.</summary>
    public static StringComparer Comparer { get; } = OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    /// <summary>The absolute path with links resolved, folder by folder; parts that do not exist yet are kept as written.</summary>
    public static string Resolve(string path) => Resolve(Path.GetFullPath(path), 0);

    private static string Resolve(string fullPath, int depth)
    {
        var root = Path.GetPathRoot(fullPath) ?? "";
        var current = root;
        foreach (var part in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var next = Path.Combine(current, part);
            FileSystemInfo entry = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (entry.LinkTarget is { } target && depth < MaxLinks)
            {
                // A relative target is relative to the link's folder; the target may hold links of its own.
                next = Resolve(Path.GetFullPath(target, current), depth + 1);
            }

            current = next;
        }

        return current;
    }
}
