namespace Migrations.Running;

/// <summary>
/// Lists kept in version order (the known migrations, the history rows as read) and searched by
/// version. Every start asks these questions: they are written over the lists rather than with
/// sets, dictionaries or sorts keyed by version, whose code would be compiled at run time on each start.
/// </summary>
internal static class VersionOrder
{
    /// <summary>The rows in version order.</summary>
    public static AppliedMigration[] Sorted(IEnumerable<AppliedMigration> rows)
    {
        var sorted = rows.ToArray();
        Array.Sort(sorted, static (a, b) => a.Version.CompareTo(b.Version));
        return sorted;
    }

    /// <summary>Whether <paramref name="version"/> is among the rows, which are in version order.</summary>
    public static bool Contains(IReadOnlyList<AppliedMigration> sorted, long version) => IndexOf(sorted, version, static r => r.Version) >= 0;

    /// <summary>Where <paramref name="version"/> is in a list in version order, or -1.</summary>
    public static int IndexOf<T>(IReadOnlyList<T> sorted, long version, Func<T, long> versionOf)
    {
        var (low, high) = (0, sorted.Count - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var found = versionOf(sorted[middle]);
            if (found == version)
            {
                return middle;
            }

            (low, high) = found < version ? (middle + 1, high) : (low, middle - 1);
        }

        return -1;
    }
}
