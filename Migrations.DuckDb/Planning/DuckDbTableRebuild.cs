using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Schema;
using Migrations.DuckDb.Dialect;
using static Migrations.DuckDb.Dialect.DuckDbSql;

namespace Migrations.DuckDb.Planning;

/// <summary>
/// Rebuilds a table, and every table that references it (recursively), inside the migration's
/// transaction: copy each to a TEMP table, drop children first, create parents first under their
/// final names (never create-and-rename: renaming a table with foreign keys corrupts DuckDB's
/// catalog), copy the rows back, recreate the indexes, drop the copies. Sequences survive because
/// DROP TABLE leaves them alone, so identity columns continue where they were.
/// </summary>
internal sealed class DuckDbTableRebuild
{
    private readonly NameResolver _names;
    private readonly TableRoles _roles;

    public DuckDbTableRebuild(NameResolver names, TableRoles roles)
    {
        _names = names;
        _roles = roles;
    }

    /// <summary>The steps, and the tables whose definition was written anew.</summary>
    /// <param name="before">The schema before the operation.</param>
    /// <param name="after">The schema after it.</param>
    /// <param name="target">The table the operation changes, by its name before.</param>
    /// <param name="targetAfter">Its name after (differs for a rename).</param>
    /// <param name="rows">Where the target's values come from after the change; other tables keep theirs.</param>
    /// <param name="reason">Why a rebuild is needed, for scripts and logs.</param>
    /// <param name="levels">For tables that reference themselves: how many levels deep their rows go (rows are copied back level by level).</param>
    /// <param name="inPlace">When given, the target stays: these statements change it while the tables referencing it are set aside.</param>
    public (IReadOnlyList<SqlStep> Steps, IReadOnlyList<TableName> Rebuilt) Plan(
        SchemaModel before,
        SchemaModel after,
        TableName target,
        TableName targetAfter,
        RowSource rows,
        string reason,
        Func<TableModel, int> levels,
        IReadOnlyList<SqlStep>? inPlace = null)
    {
        var closure = ParentsFirst(before, _roles.Closure(before, target));
        if (inPlace is not null)
        {
            // Only the tables that reference the target move aside; the target is altered where it is.
            closure.RemoveAll(t => _names.Same(t.Name, target));
        }

        var copies = closure.Select((t, i) => (Before: t, After: _names.Same(t.Name, target) ? targetAfter : t.Name, Copy: CopyName(t.Name, i))).ToList();
        var steps = new List<SqlStep>();
        var why = inPlace is not null
            ? $"move {string.Join(", ", copies.Select(c => c.Before.Name))} aside, which reference {target}, so that DuckDB lets {target} change in place: {reason}"
            : $"rebuild {target}{(copies.Count > 1 ? $" and {string.Join(", ", copies.Skip(1).Select(c => c.Before.Name))}, which reference it," : "")} because {reason}";

        steps.AddRange(copies.Select((c, i) => new SqlStep($"CREATE TEMP TABLE {c.Copy} AS SELECT * FROM {Quote(c.Before.Name)}") { Comment = i == 0 ? why : null, SetsAside = c.Before.Name }));
        steps.AddRange(Enumerable.Reverse(copies).Select(c => new SqlStep($"DROP TABLE {Quote(c.Before.Name)}")));
        steps.AddRange(inPlace ?? []);
        var created = copies.Select(c => (c.Before, c.Copy, After: _names.FindTable(after, c.After)
            ?? throw new InvalidOperationException($"The model after the change has no table {c.After}."))).ToList();
        steps.AddRange(created.Select(c => new SqlStep(DuckDbSqlGenerator.CreateTable(c.After))));
        foreach (var (old, copy, table) in created)
        {
            var isTarget = _names.Same(old.Name, target);
            string Source(string column) => isTarget ? rows.Column(column) : Quote(column);
            var from = isTarget ? rows.From(copy) : copy;
            // Generated columns compute themselves; DuckDB refuses values for them.
            var stored = table.Columns.Where(c => c.GeneratedSql is null).ToList();
            var insert = $"INSERT INTO {Quote(table.Name)} ({QuoteList(stored.Select(c => c.Name))}) SELECT {string.Join(", ", stored.Select(c => Source(c.Name)))} FROM {from}";
            var selfReference = table.ForeignKeys.FirstOrDefault(f => _names.Same(f.PrincipalTable, table.Name));
            if (selfReference is null)
            {
                steps.Add(new SqlStep(insert) { Comment = $"copy the rows of {table.Name} back", ReportsRows = true });
            }
            else
            {
                steps.AddRange(CopyByLevel(table, from, insert, selfReference, Source, levels(old)));
            }
        }

        steps.AddRange(created.SelectMany(c => c.After.Indexes.Select(i => new SqlStep(DuckDbSqlGenerator.CreateIndex(c.After, i)))));
        steps.AddRange(created.SelectMany(c => DuckDbSqlGenerator.Comments(c.After).Select(sql => new SqlStep(sql))));
        steps.AddRange(copies.Select(c => new SqlStep($"DROP TABLE {c.Copy}")));
        return (steps, created.Select(c => c.After.Name).ToArray());
    }

    /// <summary>
    /// DuckDB checks a self-reference row by row within one INSERT, so a row whose parent arrives in
    /// the same statement fails. Rows are numbered by depth (roots 0) and copied one level per
    /// statement; a last statement copies whatever is left, and fails on the foreign key rather
    /// than lose a row if the levels were too few.
    /// </summary>
    private static IEnumerable<SqlStep> CopyByLevel(TableModel table, string from, string insert, ForeignKeyConstraint self, Func<string, string> source, int levels)
    {
        var depth = Quote($"__migrations_depth_{table.Name.Name}");
        var keys = self.PrincipalColumns.Select((c, i) => (Key: $"k{i}", Parent: source(c), Child: source(self.Columns[i]))).ToList();
        var keyList = string.Join(", ", keys.Select(k => k.Key));
        yield return new SqlStep($"CREATE TEMP TABLE {depth} AS {Levels(from, keys.Select(k => (k.Parent, k.Child)).ToList())} SELECT {keyList}, max(depth) AS depth FROM l GROUP BY {keyList}")
        {
            Comment = $"{table.Name} references itself: copy its rows back one level at a time",
        };
        var match = string.Join(" AND ", keys.Select(k => $"d.{k.Key} = {k.Parent}"));
        for (var level = 0; level <= levels; level++)
        {
            yield return new SqlStep($"{insert} WHERE EXISTS (SELECT 1 FROM {depth} d WHERE {match} AND d.depth = {level})")
            {
                Comment = $"copy the rows of {table.Name} at depth {level} back",
                ReportsRows = true,
            };
        }

        yield return new SqlStep($"{insert} WHERE NOT EXISTS (SELECT 1 FROM {depth} d WHERE {match} AND d.depth <= {levels})")
        {
            Comment = $"copy the remaining rows of {table.Name} (none, unless rows form a cycle or the data grew deeper since planning)",
            ReportsRows = true,
        };
        yield return new SqlStep($"DROP TABLE {depth}");
    }

    /// <summary>
    /// A recursive query numbering the rows of a self-referencing table by depth: it defines
    /// <c>l(k0, ..., depth)</c>, keyed by the parent-key values (roots, whose reference is NULL, are 0).
    /// </summary>
    /// <param name="from">The table or TEMP copy to read.</param>
    /// <param name="keys">For each key column: the SQL of the referenced value and of the referencing value.</param>
    public static string Levels(string from, IReadOnlyList<(string Parent, string Child)> keys)
    {
        var keyList = string.Join(", ", keys.Select((_, i) => $"k{i}"));
        return "WITH RECURSIVE " +
               $"s AS (SELECT {string.Join(", ", keys.Select((k, i) => $"{k.Parent} AS k{i}, {k.Child} AS r{i}"))} FROM {from}), " +
               $"l({keyList}, depth) AS (SELECT {keyList}, 0 FROM s WHERE {string.Join(" OR ", keys.Select((_, i) => $"r{i} IS NULL"))} " +
               $"UNION ALL SELECT {string.Join(", ", keys.Select((_, i) => $"s.k{i}"))}, l.depth + 1 FROM s JOIN l ON {string.Join(" AND ", keys.Select((_, i) => $"s.r{i} = l.k{i}"))})";
    }

    /// <summary>Orders tables so that every table comes after the tables it references.</summary>
    private List<TableModel> ParentsFirst(SchemaModel model, List<TableModel> tables)
    {
        var ordered = new List<TableModel>();
        var remaining = new List<TableModel>(tables);
        while (remaining.Count > 0)
        {
            var ready = remaining.FirstOrDefault(t => !t.ForeignKeys.Any(f =>
                !_names.Same(f.PrincipalTable, t.Name) &&
                remaining.Any(r => _names.Same(r.Name, f.PrincipalTable))))
                ?? throw new InvalidOperationException($"Tables {string.Join(", ", remaining.Select(r => r.Name))} reference each other in a cycle, which DuckDB cannot recreate.");
            ordered.Add(ready);
            remaining.Remove(ready);
        }

        return ordered;
    }

    /// <summary>A TEMP table's name, quoted; unqualified names find TEMP tables first.</summary>
    private static string CopyName(TableName table, int index) => Quote($"__migrations_copy_{index}_{table.Schema}_{table.Name}");
}
