using Migrations.Operations;

namespace Migrations.Scaffolding;

/// <summary>Names as generated code writes them: objects in the default schema without it, as a hand-written migration would.</summary>
internal sealed class ScaffoldNames(string defaultSchema)
{
    public TableName Of(TableName name) => name.Schema == defaultSchema ? name with { Schema = null } : name;

    /// <summary>A foreign key of <paramref name="table"/>: a referenced table in another schema keeps its schema, even the default one.</summary>
    public ForeignKeyConstraint Of(TableName table, ForeignKeyConstraint foreignKey) =>
        foreignKey.PrincipalTable.Schema == table.Schema ? foreignKey with { PrincipalTable = Of(foreignKey.PrincipalTable) } : foreignKey;

    /// <summary>A name quoted for SQL, with its schema when it has one.</summary>
    public static string Qualified(TableName name) => name.Schema is null ? Dialects.SqlText.Quote(name.Name) : $"{Dialects.SqlText.Quote(name.Schema)}.{Dialects.SqlText.Quote(name.Name)}";

    public bool Same(TableName a, TableName b) => Of(a) == Of(b);
}
