using Migrations.DuckDb.Dialect;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Planning;

/// <summary>Enum types: DuckDB has no ALTER TYPE, so a changed type is made again and the columns using it retyped.</summary>
internal sealed partial class DuckDbPlanner
{
    private async Task PlanEnumAsync(MigrationOperation operation, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(cancellationToken).ConfigureAwait(false);
        var type = ((IEnumTypeOperation)operation).Type;
        var current = model.Enums.FirstOrDefault(e => _names.Same(e.Name, type));
        var resolved = _names.Resolve(type);
        var users = model.Tables
            .Where(t => _names.SameName(t.Name.Schema!, resolved.Schema!))
            .SelectMany(t => t.Columns.Where(c => c.StoreType == DuckDbSql.Quote(resolved.Name)).Select(c => (Table: t.Name, Column: c.Name)))
            .ToList();

        if (operation is CreateEnumOperation create)
        {
            Emit(EnumTypeRules.MustCreate(create, current) ? Native(create) : []);
            return;
        }

        current = EnumTypeRules.Existing(operation, current, resolved);
        if (operation is DropEnumOperation drop)
        {
            EnumTypeRules.CheckDrop(drop, current, users.Select(u => $"{u.Table}.{u.Column}").ToArray());
            Emit(Native(drop));
            return;
        }

        if (EnumTypeRules.NewValues(operation, current) is not { } values)
        {
            return;
        }

        if (operation is DropEnumValueOperation dropValue)
        {
            Emit(users.Select(u => DuckDbEnumChanges.GuardDroppedValue(u.Table, u.Column, dropValue)));
        }

        Emit(Native(new DropEnumOperation(current.Name)).Select(s => s with { Comment = $"DuckDB cannot alter enum types: recreate {current.Name} with values ({string.Join(", ", values)})" }));
        Emit(Native(new CreateEnumOperation(current.Name, values)));
        foreach (var (table, column) in users)
        {
            var retype = new AlterColumnTypeOperation(table, column, ColumnType.Enum(current.Name.Name), DuckDbEnumChanges.Conversion(operation, column, current.Name));
            await PlanAsync(retype, cancellationToken).ConfigureAwait(false);
        }
    }
}
