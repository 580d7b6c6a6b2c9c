namespace Migrations.Operations;

/// <summary>Finds the operation that undoes another, where that is unambiguous.</summary>
internal static class OperationInverter
{
    /// <summary>The inverse, or null when undoing needs knowledge the operation does not carry.</summary>
    public static MigrationOperation? Invert(MigrationOperation operation) => operation switch
    {
        CreateTableOperation o => new DropTableOperation(o.Table),
        RenameTableOperation o => new RenameTableOperation(o.Table with { Name = o.NewName }, o.Table.Name),
        AddColumnOperation o => new DropColumnOperation(o.Table, o.Column.Name),
        RenameColumnOperation o => new RenameColumnOperation(o.Table, o.NewName, o.Column),
        CreateIndexOperation o => new DropIndexOperation(o.Table, o.Name),
        CreateSequenceOperation o => new DropSequenceOperation(o.Sequence),
        CreateEnumOperation o => new DropEnumOperation(o.Type),
        RenameEnumValueOperation o => new RenameEnumValueOperation(o.Type, o.NewValue, o.Value),
        AddEnumValueOperation o => new DropEnumValueOperation(o.Type, o.Value),
        AddPrimaryKeyOperation o => new DropConstraintOperation(o.Table, o.PrimaryKey.Name),
        AddUniqueConstraintOperation o => new DropConstraintOperation(o.Table, o.Constraint.Name),
        AddForeignKeyOperation o => new DropConstraintOperation(o.Table, o.ForeignKey.Name),
        AddCheckConstraintOperation o => new DropConstraintOperation(o.Table, o.Constraint.Name),
        // Safe forms apply to the way back as much as to the way there.
        SafeRewritesOperation o => o,
        _ => null,
    };
}
