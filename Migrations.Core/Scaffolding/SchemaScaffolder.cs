using System.Text.RegularExpressions;
using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.Scaffolding;

/// <summary>
/// Turns a schema read from a live database into the operations that make it in an empty one:
/// schemas, enum types, sequences, tables in foreign-key order (a cycle's remaining keys added once
/// both tables exist), indexes, comments and views in the order they use each other.
/// </summary>
internal static class SchemaScaffolder
{
    public static ScaffoldedMigration Scaffold(SchemaModel model, ISchemaDeclarations declarations, Func<TableName, bool> include)
    {
        var names = new ScaffoldNames(declarations.DefaultSchema);
        var tables = model.Tables.Where(t => include(t.Name)).ToArray();
        var sequences = model.Sequences.Where(s => !s.ForIdentity).ToArray();
        var up = new List<MigrationOperation>();
        var down = new List<MigrationOperation>();
        var warnings = new List<string>();

        var schemas = tables.Select(t => t.Name.Schema).Concat(sequences.Select(s => s.Name.Schema)).Concat(model.Enums.Select(e => e.Name.Schema)).Concat(model.Views.Select(v => v.Name.Schema))
            .OfType<string>().Where(s => s != declarations.DefaultSchema).Distinct().Order(StringComparer.Ordinal).ToArray();
        up.AddRange(schemas.Select(s => new SqlOperation($"CREATE SCHEMA IF NOT EXISTS {SqlText.Quote(s)}")));
        up.AddRange(model.Enums.Select(e => new CreateEnumOperation(names.Of(e.Name), e.Values)));
        up.AddRange(sequences.Select(s => new CreateSequenceOperation(names.Of(s.Name), s.StartWith, s.IncrementBy)));

        var order = DependencyOrder.Sort(tables, t => t.ForeignKeys.Select(f => tables.FirstOrDefault(p => names.Same(p.Name, f.PrincipalTable))).OfType<TableModel>());
        var later = new List<AddForeignKeyOperation>();
        foreach (var (table, unmet) in order)
        {
            var deferred = table.ForeignKeys.Where(f => unmet.Any(u => names.Same(u.Name, f.PrincipalTable))).ToArray();
            later.AddRange(deferred.Select(f => new AddForeignKeyOperation(names.Of(table.Name), names.Of(table.Name, f))));
            up.Add(CreateTable(table, model, declarations, names, deferred, warnings));
        }

        foreach (var table in tables)
        {
            up.AddRange(table.Indexes.Select(i => CreateIndex(table, i, names)));
        }

        up.AddRange(later);
        up.AddRange(tables.SelectMany(Comments));
        var views = DependencyOrder.Sort(model.Views, v => model.Views.Where(o => o != v && Mentions(v.Sql, o.Name.Name))).Select(v => v.Item).ToArray();
        up.AddRange(views.Select(v => new SqlOperation(declarations.CreateView(v))));

        down.AddRange(views.AsEnumerable().Reverse().Select(v => new SqlOperation($"DROP VIEW {ScaffoldNames.Qualified(v.Name)}")));
        down.AddRange(later.Select(f => new DropConstraintOperation(f.Table, f.ForeignKey.Name)));
        down.AddRange(order.Select(o => o.Item).Reverse().Select(t => new DropTableOperation(names.Of(t.Name))));
        down.AddRange(sequences.Select(s => new DropSequenceOperation(names.Of(s.Name))));
        down.AddRange(model.Enums.Select(e => new DropEnumOperation(names.Of(e.Name))));
        down.AddRange(schemas.Select(s => new SqlOperation($"DROP SCHEMA {SqlText.Quote(s)}")));
        return new ScaffoldedMigration(up, down, warnings);
    }

    private static CreateTableOperation CreateTable(
        TableModel table, SchemaModel model, ISchemaDeclarations declarations, ScaffoldNames names, IReadOnlyList<ForeignKeyConstraint> deferred, List<string> warnings)
    {
        foreach (var column in table.Columns)
        {
            if (column.Collation is not null)
            {
                warnings.Add($"Column {table.Name}.{column.Name} compares text with collation {column.Collation}, which operations cannot declare: add it by hand.");
            }

            if (column.GeneratedSql is not null)
            {
                warnings.Add($"Column {table.Name}.{column.Name} is generated from ({column.GeneratedSql}), which operations cannot declare: it is made as a stored column; declare it by hand with Sql.");
            }
        }

        return new CreateTableOperation(names.Of(table.Name), table.Columns.Select(c => declarations.DeclareColumn(table, c, model)).ToArray())
        {
            PrimaryKey = table.PrimaryKey,
            UniqueConstraints = table.UniqueConstraints,
            ForeignKeys = table.ForeignKeys.Except(deferred).Select(f => names.Of(table.Name, f)).ToArray(),
            CheckConstraints = table.CheckConstraints,
        };
    }

    /// <summary>An index over plain columns as an operation; one over expressions (or sort orders) as the statement that makes it.</summary>
    public static MigrationOperation CreateIndex(TableModel table, IndexModel index, ScaffoldNames names)
    {
        var columns = index.Columns.Select(c => table.Columns.FirstOrDefault(t => t.Name == c || SqlText.Quote(t.Name) == c)?.Name).ToArray();
        return columns.All(c => c is not null)
            ? new CreateIndexOperation(names.Of(table.Name), index.Name, columns!, index.IsUnique)
            : new SqlOperation($"CREATE {(index.IsUnique ? "UNIQUE " : "")}INDEX {SqlText.Quote(index.Name)} ON {ScaffoldNames.Qualified(table.Name)} ({string.Join(", ", index.Columns)})");
    }

    private static IEnumerable<MigrationOperation> Comments(TableModel table)
    {
        if (table.Comment is not null)
        {
            yield return new SqlOperation($"COMMENT ON TABLE {ScaffoldNames.Qualified(table.Name)} IS {SqlText.String(table.Comment)}");
        }

        foreach (var column in table.Columns.Where(c => c.Comment is not null))
        {
            yield return new SqlOperation($"COMMENT ON COLUMN {ScaffoldNames.Qualified(table.Name)}.{SqlText.Quote(column.Name)} IS {SqlText.String(column.Comment!)}");
        }

        foreach (var index in table.Indexes.Where(i => i.Comment is not null))
        {
            yield return new SqlOperation($"COMMENT ON INDEX {(table.Name.Schema is null ? "" : SqlText.Quote(table.Name.Schema) + ".")}{SqlText.Quote(index.Name)} IS {SqlText.String(index.Comment!)}");
        }
    }

    private static bool Mentions(string sql, string name) =>
        Regex.IsMatch(sql, $@"(?<![\w""]){Regex.Escape(name)}(?![\w""])|""{Regex.Escape(name.Replace("\"", "\"\"", StringComparison.Ordinal))}""", RegexOptions.IgnoreCase);
}
