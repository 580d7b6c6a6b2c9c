namespace Migrations.Scaffolding;

/// <summary>
/// Orders items so that each comes after those it depends on, keeping the given order otherwise.
/// Where dependencies form a cycle, the first waiting item goes next and its unmet dependencies are
/// reported, so the caller can add them afterwards (a foreign key added once both tables exist).
/// </summary>
internal static class DependencyOrder
{
    public static List<(T Item, IReadOnlyList<T> Unmet)> Sort<T>(IReadOnlyList<T> items, Func<T, IEnumerable<T>> dependsOn)
        where T : notnull
    {
        var placed = new HashSet<T>();
        var waiting = items.ToList();
        var order = new List<(T, IReadOnlyList<T>)>();
        while (waiting.Count > 0)
        {
            var unmetOf = waiting.Select(i => dependsOn(i).Where(d => !Equals(d, i) && !placed.Contains(d) && items.Contains(d)).ToArray()).ToList();
            var next = unmetOf.FindIndex(u => u.Length == 0);
            var index = next < 0 ? 0 : next;
            order.Add((waiting[index], unmetOf[index]));
            placed.Add(waiting[index]);
            waiting.RemoveAt(index);
        }

        return order;
    }
}
