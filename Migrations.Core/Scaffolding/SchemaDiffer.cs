using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.Scaffolding;

/// <summary>
/// The operations that take one schema to another (both read from databases of one dialect), in an
/// order that runs: views and constraints that go are dropped first, then tables and columns change,
/// then constraints, indexes and views are made. Down is the same comparison the other way round.
/// </summary>
internal static class SchemaDiffer
{
    public static ScaffoldedMigration Diff(SchemaModel from, SchemaModel to, ISchemaDeclarations declarations, Func<TableName, bool> include)
    {
        var (up, warnings) = Operations(from, to, declarations, include);
        var (down, _) = Operations(to, from, declarations, include);
        return new ScaffoldedMigration(up, down, warnings);
    }

    private static (List<MigrationOperation>, List<string>) Operations(SchemaModel from, SchemaModel to, ISchemaDeclarations declarations, Func<TableName, bool> include)
    {
        var names = new ScaffoldNames(declarations.DefaultSchema);
        var ops = new List<MigrationOperation>();
        var warnings = new List<string>();
        var fromTables = from.Tables.Where(t => include(t.Name)).ToDictionary(t => t.Name);
        var toTables = to.Tables.Where(t => include(t.Name)).ToDictionary(t => t.Name);
        var kept = toTables.Values.Where(t => fromTables.ContainsKey(t.Name)).Select(t => (Old: fromTables[t.Name], New: t)).ToArray();
        var added = to.Tables.Where(t => include(t.Name) && !fromTables.ContainsKey(t.Name)).ToArray();
        var dropped = from.Tables.Where(t => include(t.Name) && !toTables.ContainsKey(t.Name)).ToArray();

        // New tables, sequences and enum types are made whole, as the scaffolder makes them.
        var fresh = SchemaScaffolder.Scaffold(
            new SchemaModel(added, to.Sequences.Where(s => !from.Sequences.Any(o => o.Name == s.Name)).ToArray())
            {
                Enums = to.Enums.Where(e => !from.Enums.Any(o => o.Name == e.Name)).ToArray(),
            },
            declarations,
            _ => true);
        warnings.AddRange(fresh.Warnings);

        var views = Changed(from.Views, to.Views, v => v.Name, (a, b) => Normalised(a.Sql) == Normalised(b.Sql));
        ops.AddRange(views.Gone.Select(v => new SqlOperation($"DROP VIEW {ScaffoldNames.Qualified(v.Name)}")));
        foreach (var (old, now) in kept)
        {
            var table = names.Of(now.Name);
            ops.AddRange(ForeignKeys(old, now).Gone.Select(f => new DropConstraintOperation(table, f.Name)));
            ops.AddRange(Checks(old, now).Gone.Select(c => new DropConstraintOperation(table, c.Name)));
            ops.AddRange(Uniques(old, now).Gone.Select(u => new DropConstraintOperation(table, u.Name)));
            ops.AddRange(Indexes(old, now).Gone.Select(i => new DropIndexOperation(table, i.Name)));
            if (old.PrimaryKey is { } pk && !SamePrimaryKey(pk, now.PrimaryKey))
            {
                ops.Add(new DropConstraintOperation(table, pk.Name));
            }
        }

        var dropOrder = DependencyOrder.Sort(dropped, t => t.ForeignKeys.Select(f => dropped.FirstOrDefault(d => d.Name == f.PrincipalTable)).OfType<TableModel>());
        ops.AddRange(dropOrder.Select(d => d.Item).Reverse().Select(t => new DropTableOperation(names.Of(t.Name))));
        ops.AddRange(fresh.Up.Where(o => o is CreateEnumOperation or CreateSequenceOperation || o is SqlOperation s && s.Sql.StartsWith("CREATE SCHEMA", StringComparison.Ordinal)));
        ops.AddRange(AddedEnumValues(from, to, names));
        foreach (var (old, now) in kept)
        {
            ops.AddRange(Columns(old, now, from, to, declarations, names.Of(now.Name), warnings));
        }

        foreach (var (old, now) in kept)
        {
            if (now.PrimaryKey is { } pk && !SamePrimaryKey(old.PrimaryKey, pk))
            {
                ops.Add(new AddPrimaryKeyOperation(names.Of(now.Name), pk));
            }

            ops.AddRange(Uniques(old, now).New.Select(u => new AddUniqueConstraintOperation(names.Of(now.Name), u)));
        }

        ops.AddRange(fresh.Up.OfType<CreateTableOperation>());
        foreach (var (old, now) in kept)
        {
            var table = names.Of(now.Name);
            ops.AddRange(Checks(old, now).New.Select(c => new AddCheckConstraintOperation(table, c)));
            ops.AddRange(ForeignKeys(old, now).New.Select(f => new AddForeignKeyOperation(table, names.Of(now.Name, f))));
            ops.AddRange(Indexes(old, now).New.Select(i => SchemaScaffolder.CreateIndex(now, i, names)));
        }

        ops.AddRange(fresh.Up.Where(o => o is CreateIndexOperation or AddForeignKeyOperation || o is SqlOperation s && !s.Sql.StartsWith("CREATE SCHEMA", StringComparison.Ordinal)));
        ops.AddRange(DroppedEnumValues(from, to, names));
        ops.AddRange(from.Sequences.Where(s => !s.ForIdentity && !to.Sequences.Any(n => n.Name == s.Name)).Select(s => new DropSequenceOperation(names.Of(s.Name))));
        ops.AddRange(from.Enums.Where(e => !to.Enums.Any(n => n.Name == e.Name)).Select(e => new DropEnumOperation(names.Of(e.Name))));
        ops.AddRange(views.New.Select(v => new SqlOperation(declarations.CreateView(v))));
        return (ops, warnings);
    }

    private static (IReadOnlyList<ForeignKeyConstraint> Gone, IReadOnlyList<ForeignKeyConstraint> New) ForeignKeys(TableModel old, TableModel now) =>
        Changed(old.ForeignKeys, now.ForeignKeys, f => f.Name, (a, b) =>
            a.Columns.SequenceEqual(b.Columns) && a.PrincipalTable == b.PrincipalTable && a.PrincipalColumns.SequenceEqual(b.PrincipalColumns) && a.OnDelete == b.OnDelete && a.OnUpdate == b.OnUpdate);

    private static (IReadOnlyList<CheckConstraint> Gone, IReadOnlyList<CheckConstraint> New) Checks(TableModel old, TableModel now) =>
        Changed(old.CheckConstraints, now.CheckConstraints, c => c.Name, (a, b) => a.Expression == b.Expression);

    private static (IReadOnlyList<UniqueConstraint> Gone, IReadOnlyList<UniqueConstraint> New) Uniques(TableModel old, TableModel now) =>
        Changed(old.UniqueConstraints, now.UniqueConstraints, u => u.Name, (a, b) => a.Columns.SequenceEqual(b.Columns));

    private static (IReadOnlyList<IndexModel> Gone, IReadOnlyList<IndexModel> New) Indexes(TableModel old, TableModel now) =>
        Changed(old.Indexes, now.Indexes, i => i.Name, (a, b) => a.IsUnique == b.IsUnique && a.Columns.SequenceEqual(b.Columns));

    private static IEnumerable<MigrationOperation> Columns(
        TableModel old, TableModel now, SchemaModel from, SchemaModel to, ISchemaDeclarations declarations, TableName table, List<string> warnings)
    {
        foreach (var column in now.Columns.Where(c => !old.Columns.Any(o => o.Name == c.Name)))
        {
            var definition = declarations.DeclareColumn(now, column, to);
            if (!definition.IsNullable && definition.Default is null && !definition.IsIdentity)
            {
                warnings.Add($"Column {now.Name}.{column.Name} is NOT NULL without a default: a table with rows needs a value for it; add Backfill(...) to its AddColumn.");
            }

            yield return new AddColumnOperation(table, definition);
        }

        foreach (var column in old.Columns.Where(c => !now.Columns.Any(n => n.Name == c.Name)))
        {
            yield return new DropColumnOperation(table, column.Name);
        }

        foreach (var column in now.Columns)
        {
            if (old.Columns.FirstOrDefault(o => o.Name == column.Name) is not { } before)
            {
                continue;
            }

            var (a, b) = (declarations.DeclareColumn(old, before, from), declarations.DeclareColumn(now, column, to));
            if (a.IsIdentity != b.IsIdentity)
            {
                warnings.Add($"Column {now.Name}.{column.Name} {(b.IsIdentity ? "became" : "is no longer")} an identity column, which operations cannot change: change it by hand with Sql.");
            }

            if (a.Type != b.Type)
            {
                yield return new AlterColumnTypeOperation(table, column.Name, b.Type);
            }

            if (a.IsNullable != b.IsNullable && !b.IsIdentity)
            {
                yield return new AlterColumnNullabilityOperation(table, column.Name, b.IsNullable);
            }

            if (a.Default?.Sql != b.Default?.Sql)
            {
                yield return new AlterColumnDefaultOperation(table, column.Name, b.Default);
            }
        }
    }

    /// <summary>Values added to enum types both schemas have, each at its position.</summary>
    private static IEnumerable<MigrationOperation> AddedEnumValues(SchemaModel from, SchemaModel to, ScaffoldNames names) =>
        to.Enums.SelectMany(now => from.Enums.FirstOrDefault(e => e.Name == now.Name) is { } old
            ? now.Values.Select((value, i) => (value, i)).Where(v => !old.Values.Contains(v.value)).Select(v => new AddEnumValueOperation(names.Of(now.Name), v.value)
            {
                After = v.i > 0 ? now.Values[v.i - 1] : null,
                Before = v.i == 0 && now.Values.Count > 1 ? now.Values[1] : null,
            })
            : []);

    /// <summary>Values that went from enum types both schemas have (after the columns stopped using them).</summary>
    private static IEnumerable<MigrationOperation> DroppedEnumValues(SchemaModel from, SchemaModel to, ScaffoldNames names) =>
        from.Enums.SelectMany(old => to.Enums.FirstOrDefault(e => e.Name == old.Name) is { } now
            ? old.Values.Where(v => !now.Values.Contains(v)).Select(v => new DropEnumValueOperation(names.Of(old.Name), v))
            : []);

    /// <summary>Objects only in the first list or changed (Gone), and only in the second or changed (New).</summary>
    private static (IReadOnlyList<T> Gone, IReadOnlyList<T> New) Changed<T, TKey>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, TKey> key, Func<T, T, bool> same)
    {
        bool Kept(T item, IReadOnlyList<T> other) => other.Any(o => EqualityComparer<TKey>.Default.Equals(key(o), key(item)) && same(o, item));
        return (before.Where(b => !Kept(b, after)).ToArray(), after.Where(a => !Kept(a, before)).ToArray());
    }

    private static bool SamePrimaryKey(PrimaryKeyConstraint? a, PrimaryKeyConstraint? b) =>
        a is not null && b is not null && a.Name == b.Name && a.Columns.SequenceEqual(b.Columns);

    private static string Normalised(string sql) => string.Join(" ", sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}
