using Migrations.Operations;

namespace Migrations.Schema;

/// <summary>Resolves and compares names the way a dialect does, and finds tables in a model.</summary>
internal sealed class NameResolver
{
    private readonly ISchemaConventions _conventions;

    /// <summary>Creates a resolver for a dialect's conventions.</summary>
    /// <param name="conventions">The dialect's conventions.</param>
    public NameResolver(ISchemaConventions conventions) => _conventions = conventions;

    /// <summary>How the dialect compares identifiers.</summary>
    public StringComparer NameComparer => _conventions.NameComparer;

    /// <summary>The schema of names given without one.</summary>
    public string DefaultSchema => _conventions.DefaultSchema;

    /// <summary>The name with the default schema filled in.</summary>
    /// <param name="name">A table or sequence name.</param>
    public TableName Resolve(TableName name) => name with { Schema = name.Schema ?? _conventions.DefaultSchema };

    /// <summary>Whether two identifiers name the same object.</summary>
    /// <param name="a">One identifier.</param>
    /// <param name="b">The other.</param>
    public bool SameName(string a, string b) => _conventions.NameComparer.Equals(a, b);

    /// <summary>Whether two qualified names name the same object.</summary>
    /// <param name="a">One name.</param>
    /// <param name="b">The other.</param>
    public bool Same(TableName a, TableName b)
    {
        var (x, y) = (Resolve(a), Resolve(b));
        return SameName(x.Name, y.Name) && SameName(x.Schema!, y.Schema!);
    }

    /// <summary>The table of that name, or null.</summary>
    /// <param name="model">The model to search.</param>
    /// <param name="name">The table's name.</param>
    public TableModel? FindTable(SchemaModel model, TableName name) =>
        TablePositions.Of(model.Tables, this).IndexOf(Resolve(name)) is >= 0 and var index ? model.Tables[index] : null;

    /// <summary>The tables with a foreign key to <paramref name="name"/>, other than itself.</summary>
    /// <param name="model">The model to search.</param>
    /// <param name="name">The referenced table.</param>
    public IEnumerable<TableModel> Referencing(SchemaModel model, TableName name) =>
        model.Tables.Where(t => !Same(t.Name, name) && t.ForeignKeys.Any(f => Same(f.PrincipalTable, name)));

    /// <summary>The model with the table of that name changed; the same model when it has no such table.</summary>
    /// <param name="model">The model before.</param>
    /// <param name="name">The table's name.</param>
    /// <param name="change">Makes the table's new state from its old one.</param>
    internal SchemaModel Update(SchemaModel model, TableName name, Func<TableModel, TableModel> change)
    {
        var positions = TablePositions.Of(model.Tables, this);
        var index = positions.IndexOf(Resolve(name));
        if (index < 0)
        {
            return model;
        }

        var tree = TablePositions.Tree(model.Tables);
        var changed = change(tree[index]);
        var tables = tree.SetItem(index, changed);
        if (Same(changed.Name, tree[index].Name))
        {
            positions.SameFor(tables);
        }

        return model with { Tables = tables };
    }

    /// <summary>The model with <paramref name="table"/> added after its other tables.</summary>
    /// <param name="model">The model before.</param>
    /// <param name="table">The new table, its name resolved.</param>
    internal SchemaModel Append(SchemaModel model, TableModel table)
    {
        var positions = TablePositions.Of(model.Tables, this);
        var tables = TablePositions.Tree(model.Tables).Add(table);
        positions.AppendedFor(tables, Resolve(table.Name));
        return model with { Tables = tables };
    }

    internal SchemaModel UpdateEnum(SchemaModel model, TableName type, Func<IReadOnlyList<string>, IReadOnlyList<string>> change) =>
        model with { Enums = model.Enums.Select(e => Same(e.Name, type) ? e with { Values = change(e.Values) } : e).ToArray() };

    internal SchemaModel UpdateColumn(SchemaModel model, TableName table, string column, Func<ColumnModel, ColumnModel> change) =>
        Update(model, table, t => t with { Columns = t.Columns.Select(c => SameName(c.Name, column) ? change(c) : c).ToArray() });
}
