using Migrations.Operations;

namespace Migrations.Schema;

/// <summary>
/// Advances a <see cref="SchemaModel"/> by one operation, so that a migration's later operations
/// are planned against the state its earlier ones leave.
/// </summary>
internal static class SchemaModelApplier
{
    /// <summary>
    /// The model after <paramref name="operation"/>, or null when its effect cannot be known
    /// without asking the database (raw SQL). An operation type this method does not know is an
    /// error, never treated like raw SQL: every operation must say what it does to the schema.
    /// </summary>
    /// <param name="model">The model before the operation.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="conventions">The dialect's naming and type conventions.</param>
    public static SchemaModel? Apply(this SchemaModel model, MigrationOperation operation, ISchemaConventions conventions)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(conventions);
        var names = new NameResolver(conventions);
        return operation switch
        {
            CreateTableOperation o => names.Append(model, CreateTable(o, names, conventions)),
            DropTableOperation o => model with { Tables = model.Tables.Where(t => !names.Same(t.Name, o.Table)).ToArray() },
            RenameTableOperation o => RenameTable(model, o, names),
            AddColumnOperation o => names.Update(model, o.Table, t => t with { Columns = [.. t.Columns, Column(o.Column, conventions)] }),
            DropColumnOperation o => names.Update(model, o.Table, t => DropColumn(t, o.Column, names)),
            RenameColumnOperation o => RenameColumn(model, o, names),
            AlterColumnTypeOperation o => names.UpdateColumn(model, o.Table, o.Column, c => c with
            {
                StoreType = conventions.StoreType(o.NewType),
                // A collation orders text; a column that is no longer text loses it, as in the database.
                Collation = o.NewType.Kind is ColumnTypeKind.String or ColumnTypeKind.Text or ColumnTypeKind.Custom ? c.Collation : null,
            }),
            AlterColumnNullabilityOperation o => names.UpdateColumn(model, o.Table, o.Column, c => c with { IsNullable = o.IsNullable }),
            AlterColumnDefaultOperation o => names.UpdateColumn(model, o.Table, o.Column, c => c with { DefaultSql = conventions.DefaultSql(o.Default) }),
            AddPrimaryKeyOperation o => names.Update(model, o.Table, t => t with { PrimaryKey = o.PrimaryKey }),
            AddUniqueConstraintOperation o => names.Update(model, o.Table, t => t with { UniqueConstraints = [.. t.UniqueConstraints, o.Constraint] }),
            AddForeignKeyOperation o => names.Update(model, o.Table, t => t with { ForeignKeys = [.. t.ForeignKeys, Resolve(o.ForeignKey, names)] }),
            AddCheckConstraintOperation o => names.Update(model, o.Table, t => t with { CheckConstraints = [.. t.CheckConstraints, o.Constraint] }),
            DropConstraintOperation o => names.Update(model, o.Table, t => DropConstraint(t, o.Name, names)),
            CreateIndexOperation o => names.Update(model, o.Table, t => t with { Indexes = [.. t.Indexes, new IndexModel(o.Name, o.Columns, o.IsUnique)] }),
            DropIndexOperation o => names.Update(model, o.Table, t => t with { Indexes = t.Indexes.Where(i => !names.SameName(i.Name, o.Name)).ToArray() }),
            CreateSequenceOperation o => model with { Sequences = [.. model.Sequences, new SequenceModel(names.Resolve(o.Sequence), o.StartWith, o.IncrementBy)] },
            DropSequenceOperation o => model with { Sequences = model.Sequences.Where(s => !names.Same(s.Name, o.Sequence)).ToArray() },
            CreateEnumOperation o => model with { Enums = [.. model.Enums, new EnumModel(names.Resolve(o.Type), o.Values) { ClrType = o.ClrType }] },
            DropEnumOperation o => model with { Enums = model.Enums.Where(e => !names.Same(e.Name, o.Type)).ToArray() },
            AddEnumValueOperation o => names.UpdateEnum(model, o.Type, values => EnumValues.Add(values, o)),
            RenameEnumValueOperation o => names.UpdateEnum(model, o.Type, values => values.Select(v => v == o.Value ? o.NewValue : v).ToArray()),
            DropEnumValueOperation o => names.UpdateEnum(model, o.Type, values => values.Where(v => v != o.Value).ToArray()),
            InsertDataOperation or UpdateDataOperation or DeleteDataOperation or TimeoutsOperation or SafeRewritesOperation => model,
            SqlOperation => null,
            _ => throw new NotSupportedException($"{operation.GetType().Name} ({operation.Describe()}) does not say what it does to the schema: add it to SchemaModelApplier."),
        };
    }

    private static TableModel CreateTable(CreateTableOperation o, NameResolver names, ISchemaConventions conventions) =>
        new(names.Resolve(o.Table), o.Columns.Select(c => Column(c, conventions)).ToArray())
        {
            PrimaryKey = o.PrimaryKey,
            UniqueConstraints = o.UniqueConstraints,
            ForeignKeys = o.ForeignKeys.Select(f => Resolve(f, names)).ToArray(),
            CheckConstraints = o.CheckConstraints,
        };

    private static ColumnModel Column(ColumnDefinition c, ISchemaConventions conventions) =>
        new(c.Name, conventions.StoreType(c.Type), c.IsNullable, conventions.DefaultSql(c.Default));

    private static ForeignKeyConstraint Resolve(ForeignKeyConstraint fk, NameResolver names) =>
        fk with { PrincipalTable = names.Resolve(fk.PrincipalTable) };

    private static SchemaModel RenameTable(SchemaModel model, RenameTableOperation o, NameResolver names)
    {
        var renamed = names.Resolve(o.Table) with { Name = o.NewName };
        return model with
        {
            Tables = model.Tables.Select(t =>
            {
                var table = names.Same(t.Name, o.Table) ? t with { Name = renamed } : t;
                return table with
                {
                    ForeignKeys = table.ForeignKeys
                        .Select(f => names.Same(f.PrincipalTable, o.Table) ? f with { PrincipalTable = renamed } : f)
                        .ToArray(),
                };
            }).ToArray(),
        };
    }

    private static TableModel DropColumn(TableModel t, string column, NameResolver names)
    {
        bool Uses(IReadOnlyList<string> columns) => columns.Any(c => names.SameName(c, column));
        return t with
        {
            Columns = t.Columns.Where(c => !names.SameName(c.Name, column)).ToArray(),
            PrimaryKey = t.PrimaryKey is { } pk && Uses(pk.Columns) ? null : t.PrimaryKey,
            UniqueConstraints = t.UniqueConstraints.Where(u => !Uses(u.Columns)).ToArray(),
            ForeignKeys = t.ForeignKeys.Where(f => !Uses(f.Columns)).ToArray(),
            // Like the databases do, a check on the dropped column goes with it.
            CheckConstraints = t.CheckConstraints.Where(c => !SqlIdentifiers.Mentions(c.Expression, column, names)).ToArray(),
            Indexes = t.Indexes.Where(i => !Uses(i.Columns)).ToArray(),
        };
    }

    private static SchemaModel RenameColumn(SchemaModel model, RenameColumnOperation o, NameResolver names)
    {
        IReadOnlyList<string> Rename(IReadOnlyList<string> columns) =>
            columns.Select(c => names.SameName(c, o.Column) ? o.NewName : c).ToArray();

        return model with
        {
            Tables = model.Tables.Select(t =>
            {
                var isTarget = names.Same(t.Name, o.Table);
                var table = !isTarget ? t : t with
                {
                    Columns = t.Columns.Select(c => (names.SameName(c.Name, o.Column) ? c with { Name = o.NewName } : c) with
                    {
                        // Generated columns follow the rename, as the databases' own RENAME COLUMN makes them.
                        GeneratedSql = c.GeneratedSql is { } sql ? SqlIdentifiers.Rename(sql, o.Column, o.NewName, names) : null,
                    }).ToArray(),
                    PrimaryKey = t.PrimaryKey is { } pk ? pk with { Columns = Rename(pk.Columns) } : null,
                    UniqueConstraints = t.UniqueConstraints.Select(u => u with { Columns = Rename(u.Columns) }).ToArray(),
                    CheckConstraints = t.CheckConstraints.Select(c => c with { Expression = SqlIdentifiers.Rename(c.Expression, o.Column, o.NewName, names) }).ToArray(),
                    Indexes = t.Indexes.Select(i => i with { Columns = Rename(i.Columns) }).ToArray(),
                };
                return table with
                {
                    ForeignKeys = table.ForeignKeys.Select(f => f with
                    {
                        Columns = isTarget ? Rename(f.Columns) : f.Columns,
                        PrincipalColumns = names.Same(f.PrincipalTable, o.Table) ? Rename(f.PrincipalColumns) : f.PrincipalColumns,
                    }).ToArray(),
                };
            }).ToArray(),
        };
    }

    private static TableModel DropConstraint(TableModel t, string name, NameResolver names) => t with
    {
        PrimaryKey = t.PrimaryKey is { } pk && names.SameName(pk.Name, name) ? null : t.PrimaryKey,
        UniqueConstraints = t.UniqueConstraints.Where(u => !names.SameName(u.Name, name)).ToArray(),
        ForeignKeys = t.ForeignKeys.Where(f => !names.SameName(f.Name, name)).ToArray(),
        CheckConstraints = t.CheckConstraints.Where(c => !names.SameName(c.Name, name)).ToArray(),
    };
}
