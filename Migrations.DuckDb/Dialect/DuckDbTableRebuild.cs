using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Schema;
using static Migrations.DuckDb.Dialect.DuckDbSql;

namespace Migrations.DuckDb.Dialect;

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

    public DuckDbTableRebuild(NameResolver names) => _names = names;

    /// <summary>The steps, and the tables whose definition was written anew.</summary>
    /// <param name="before">The schema before the operation.</param>
    /// <param name="after">The schema after it.</param>
    /// <param name="target">The table the operation changes, by its name before.</param>
    /// <param name="targetAfter">Its name after (differs for a rename).</param>
    /// <param name="sources">For the target's columns after the change: the SQL that computes each from the old row; a column not listed keeps its value.</param>
    /// <param name="reason">Why a rebuild is needed, for scripts and logs.</param>
    public (IReadOnlyList<SqlStep> Steps, IReadOnlyList<TableName> Rebuilt) Plan(
        SchemaModel before,
        SchemaModel after,
        TableName target,
        TableName targetAfter,
        IReadOnlyDictionary<string, string> sources,
        string reason)
    {
        var closure = ParentsFirst(before, Closure(before, target));
        var copies = closure.Select((t, i) => (Before: t, After: _names.Same(t.Name, target) ? targetAfter : t.Name, Copy: CopyName(t.Name, i))).ToList();
        var steps = new List<SqlStep>();
        var others = copies.Count > 1 ? $" and {string.Join(", ", copies.Skip(1).Select(c => c.Before.Name))}, which reference it," : "";
        var why = $"rebuild {target}{others} because {reason}";

        steps.AddRange(copies.Select(c => new SqlStep($"CREATE TEMP TABLE {c.Copy} AS SELECT * FROM {Quote(c.Before.Name)}") { Comment = why }));
        steps.AddRange(Enumerable.Reverse(copies).Select(c => new SqlStep($"DROP TABLE {Quote(c.Before.Name)}")));
        var created = copies.Select(c => (c.Before, c.Copy, After: _names.FindTable(after, c.After)
            ?? throw new InvalidOperationException($"The model after the change has no table {c.After}."))).ToList();
        steps.AddRange(created.Select(c => new SqlStep(DuckDbSqlGenerator.CreateTable(c.After))));
        foreach (var (old, copy, table) in created)
        {
            var isTarget = _names.Same(old.Name, target);
            var values = table.Columns.Select(column =>
                isTarget && sources.TryGetValue(column.Name, out var source) ? source : Quote(column.Name));
            steps.Add(new SqlStep($"INSERT INTO {Quote(table.Name)} ({QuoteList(table.Columns.Select(c => c.Name))}) SELECT {string.Join(", ", values)} FROM {copy}")
            {
                Comment = $"copy the rows of {table.Name} back",
            });
        }

        steps.AddRange(created.SelectMany(c => c.After.Indexes.Select(i => new SqlStep(DuckDbSqlGenerator.CreateIndex(c.After, i)))));
        steps.AddRange(copies.Select(c => new SqlStep($"DROP TABLE {c.Copy}")));
        return (steps, created.Select(c => c.After.Name).ToArray());
    }

    /// <summary>The table and all tables that reference it, directly or through others.</summary>
    public List<TableModel> Closure(SchemaModel model, TableName table)
    {
        var start = _names.FindTable(model, table) ?? throw new InvalidOperationException($"There is no table {table} to rebuild.");
        var found = new List<TableModel> { start };
        for (var i = 0; i < found.Count; i++)
        {
            foreach (var child in _names.Referencing(model, found[i].Name))
            {
                if (!found.Any(f => _names.Same(f.Name, child.Name)))
                {
                    found.Add(child);
                }
            }
        }

        return found;
    }

    /// <summary>Orders tables so that every table comes after the tables it references.</summary>
    private List<TableModel> ParentsFirst(SchemaModel model, List<TableModel> tables)
    {
        var ordered = new List<TableModel>();
        var remaining = new List<TableModel>(tables);
        while (remaining.Count > 0)
        {
            var ready = remaining.First(t => !t.ForeignKeys.Any(f =>
                !_names.Same(f.PrincipalTable, t.Name) &&
                remaining.Any(r => _names.Same(r.Name, f.PrincipalTable))));
            ordered.Add(ready);
            remaining.Remove(ready);
        }

        return ordered;
    }

    /// <summary>A TEMP table's name, quoted; unqualified names find TEMP tables first.</summary>
    private static string CopyName(TableName table, int index) => Quote($"__migrations_copy_{index}_{table.Schema}_{table.Name}");
}
