using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Loading;

/// <summary>
/// DuckDB checks a foreign key against the rows that existed before the statement, so one INSERT
/// of a parent and its child in the same table fails. Rows of a self-referencing table are split
/// into levels (rows whose parent is not among them first, then their children, ...), each
/// loaded by its own statement in the same transaction.
/// </summary>
internal static class SelfReferenceLevels
{
    public static IReadOnlyList<InsertDataOperation> Split(InsertDataOperation o, TableModel? table, NameResolver names)
    {
        var selfKeys = table?.ForeignKeys.Where(f => names.Same(f.PrincipalTable, table.Name)).ToList() ?? [];
        if (selfKeys.Count == 0)
        {
            return [o];
        }

        int Index(string column) => o.Columns.ToList().FindIndex(c => names.SameName(c, column));
        var links = selfKeys.Select(f => (Child: f.Columns.Select(Index).ToArray(), Parent: f.PrincipalColumns.Select(Index).ToArray())).ToList();
        if (links.Any(l => l.Child.Contains(-1) || l.Parent.Contains(-1)))
        {
            // The keys are not all given (an identity fills them): the rows cannot name each other.
            return [o];
        }

        // Rows are looked up by position, pass after pass: rows from a sequence are read once into memory
        // here, as splitting them into levels holds them all anyway.
        var rows = o.Rows is StreamedRows ? o.Rows.ToArray() : o.Rows;
        var levels = Levels(rows, links);
        if (levels.Max() == 0)
        {
            return [o];
        }

        return Enumerable.Range(0, levels.Max() + 1)
            .Select(level => o with { Rows = rows.Where((_, i) => levels[i] == level).ToArray() })
            .ToList();
    }

    /// <summary>A row's level is one more than its parent's among these rows; 0 without one. Rows in a cycle stay last.</summary>
    private static int[] Levels(IReadOnlyList<IReadOnlyList<object?>> rows, List<(int[] Child, int[] Parent)> links)
    {
        var levels = new int[rows.Count];
        var known = new bool[rows.Count];
        var byKey = links.Select(l => rows.Select((row, i) => (Key: Key(row, l.Parent), Row: i)).Where(k => k.Key is not null)
            .GroupBy(k => k.Key!).ToDictionary(g => g.Key, g => g.First().Row)).ToList();
        for (var pass = 0; pass <= rows.Count && known.Contains(false); pass++)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (known[i])
                {
                    continue;
                }

                var parents = links.Select((l, n) => Key(rows[i], l.Child) is { } key && byKey[n].TryGetValue(key, out var parent) && parent != i ? parent : -1)
                    .Where(p => p >= 0).ToList();
                if (parents.All(p => known[p]))
                {
                    levels[i] = parents.Count == 0 ? 0 : parents.Max(p => levels[p]) + 1;
                    known[i] = true;
                }
            }
        }

        var last = levels.Max() + 1;
        for (var i = 0; i < rows.Count; i++)
        {
            levels[i] = known[i] ? levels[i] : last;
        }

        return levels;
    }

    private static string? Key(IReadOnlyList<object?> row, int[] columns) =>
        columns.Any(c => row[c] is null) ? null : string.Join("\u001f", columns.Select(c => Convert.ToString(row[c], System.Globalization.CultureInfo.InvariantCulture)));
}
