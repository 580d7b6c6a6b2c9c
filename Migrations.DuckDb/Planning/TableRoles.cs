using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Planning;

/// <summary>
/// What a table or column takes part in that makes DuckDB refuse to change it in place: indexes,
/// keys, foreign keys in either direction. Each answer is the reason shown in scripts and logs.
/// </summary>
internal sealed class TableRoles
{
    private readonly NameResolver _names;

    public TableRoles(NameResolver names) => _names = names;

    /// <summary>Why DuckDB blocks most ALTERs on a table: an explicit index, or being referenced by a foreign key (its own included).</summary>
    public string? Blocker(SchemaModel model, TableModel table)
    {
        if (table.Indexes.Count > 0)
        {
            return $"it has index {table.Indexes[0].Name}";
        }

        var child = model.Tables.FirstOrDefault(t => t.ForeignKeys.Any(f => _names.Same(f.PrincipalTable, table.Name)));
        return child is null ? null : _names.Same(child.Name, table.Name) ? "it references itself" : $"{child.Name} references it by a foreign key";
    }

    /// <summary>True when the only thing blocking ALTERs on the table is other tables referencing it (no index, no self-reference).</summary>
    public bool OnlyReferencesBlock(SchemaModel model, TableModel table) =>
        table.Indexes.Count == 0 &&
        !table.ForeignKeys.Any(f => _names.Same(f.PrincipalTable, table.Name)) &&
        _names.Referencing(model, table.Name).Any();

    /// <summary>Why a column cannot be dropped or retyped in place: it is in a key, a foreign key or an index.</summary>
    public string? KeyRole(SchemaModel model, TableModel table, string column)
    {
        bool In(IEnumerable<string> columns) => columns.Any(c => _names.SameName(c, column));
        return table.PrimaryKey is { } pk && In(pk.Columns) ? $"\"{column}\" is in the primary key"
            : table.UniqueConstraints.FirstOrDefault(u => In(u.Columns)) is { } u ? $"\"{column}\" is in unique constraint {u.Name}"
            : ForeignKeyRole(model, table, column)
            ?? (table.Indexes.FirstOrDefault(i => In(i.Columns)) is { } i ? $"\"{column}\" is in index {i.Name}" : null);
    }

    /// <summary>DuckDB keeps an index for every key; it refuses to drop a column that comes before a key column.</summary>
    public string? KeyColumnAfter(TableModel table, string column)
    {
        var position = table.Columns.ToList().FindIndex(c => _names.SameName(c.Name, column));
        var keyColumns = (table.PrimaryKey?.Columns ?? []).Concat(table.UniqueConstraints.SelectMany(u => u.Columns)).Concat(table.ForeignKeys.SelectMany(f => f.Columns));
        var later = table.Columns.Skip(position + 1).FirstOrDefault(c => keyColumns.Any(k => _names.SameName(k, c.Name)));
        return later is null ? null : $"key column \"{later.Name}\" comes after it, and DuckDB's index on that key depends on column positions";
    }

    /// <summary>Why a column cannot be renamed in place: a foreign key of the table, or of another, names it.</summary>
    public string? ForeignKeyRole(SchemaModel model, TableModel table, string column) =>
        table.ForeignKeys.FirstOrDefault(f => f.Columns.Any(c => _names.SameName(c, column))) is { } own ? $"\"{column}\" is in foreign key {own.Name}"
        : model.Tables.SelectMany(t => t.ForeignKeys.Select(f => (t, f)))
            .FirstOrDefault(x => _names.Same(x.f.PrincipalTable, table.Name) && x.f.PrincipalColumns.Any(c => _names.SameName(c, column))) is { t: not null } referencing
            ? $"{referencing.t.Name} references \"{column}\""
            : null;

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
}
