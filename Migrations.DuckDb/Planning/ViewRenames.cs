using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Planning;

/// <summary>
/// DuckDB keeps a view's SQL as written, so a view naming a renamed table or column would break:
/// such views are created again with the new name.
/// </summary>
internal sealed class ViewRenames
{
    private readonly NameResolver _names;

    public ViewRenames(NameResolver names) => _names = names;

    /// <summary>The statements that re-create the views, and the views as they are afterwards.</summary>
    public (IReadOnlyList<SqlStep> Steps, IReadOnlyList<ViewModel> Views) After(MigrationOperation operation, SchemaModel before)
    {
        var (table, from, to) = operation switch
        {
            RenameTableOperation o => (o.Table, o.Table.Name, o.NewName),
            RenameColumnOperation o => (o.Table, o.Column, o.NewName),
            _ => (default, "", ""),
        };
        if (from.Length == 0)
        {
            return ([], before.Views);
        }

        var steps = new List<SqlStep>();
        var views = before.Views.Select(view =>
        {
            if (!SqlIdentifiers.Mentions(view.Sql, table.Name, _names) || !SqlIdentifiers.Mentions(view.Sql, from, _names))
            {
                return view;
            }

            var sql = SqlIdentifiers.Rename(view.Sql, from, to, _names).TrimEnd().TrimEnd(';');
            sql = "CREATE OR REPLACE VIEW" + sql["CREATE VIEW".Length..];
            steps.Add(new SqlStep(sql) { Comment = $"view {view.Name} names the renamed {(operation is RenameTableOperation ? "table" : "column")}" });
            return view with { Sql = sql };
        }).ToArray();
        return (steps, views);
    }
}
