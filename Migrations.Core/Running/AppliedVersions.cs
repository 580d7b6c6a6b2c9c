namespace Migrations.Running;

/// <summary>
/// Questions about history rows kept in version order (as the history is read). Every start asks
/// them: written over the rows rather than with sets or sorts keyed by version, whose code would be
/// compiled at run time on each start.
/// </summary>
internal static class AppliedVersions
{
    /// <summary>The rows in version order.</summary>
    public static AppliedMigration[] Sorted(IEnumerable<AppliedMigration> rows)
    {
        var sorted = rows.ToArray();
        Array.Sort(sorted, static (a, b) => a.Version.CompareTo(b.Version));
        return sorted;
    }

    /// <summary>Whether <paramref name="version"/> is among the rows, which are in version order.</summary>
    public static bool Contains(IReadOnlyList<AppliedMigration> sorted, long version)
    {
        var (low, high) = (0, sorted.Count - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var found = sorted[middle].Version;
            if (found == version)
            {
                return true;
            }

            (low, high) = found < version ? (middle + 1, high) : (low, middle - 1);
        }

        return false;
    }
}
