using Migrations.Dialects;
using Migrations.DuckDb.Dialect;
using Migrations.DuckDb.Loading;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Planning;

/// <summary>Tables: created, seeded, and changed in place or by a rebuild, with what follows a change.</summary>
internal sealed partial class DuckDbPlanner
{
    private void CreateTable(CreateTableOperation o)
    {
        foreach (var column in o.Columns.Where(c => c.IsIdentity))
        {
            Emit(IdentitySequence(o.Table, column.Name).Select(s => s with { Comment = "identity column: a sequence and a nextval default" }));
        }

        Emit(Native(o with { Columns = o.Columns.Select(c => c.IsIdentity ? IdentityColumns.AsSequenceDefault(o.Table, c) : c).ToArray() }));
        if (o.PrimaryKey is not null || o.UniqueConstraints.Count + o.ForeignKeys.Count + o.CheckConstraints.Count > 0)
        {
            _facts.ConstraintsChangedOn(o.Table);
        }
    }

    private List<SqlStep> IdentitySequence(TableName table, string column) =>
        [.. Native(IdentityColumns.SequenceOf(table, column)), _identity.Mark(table, column)];

    /// <summary>A change to an existing table: in place, or by a rebuild (started, or joined when one is pending).</summary>
    private async Task ChangeTableAsync(MigrationOperation operation, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(cancellationToken).ConfigureAwait(false);
        var table = operation is ITableOperation target ? _names.FindTable(model, target.Table) : null;
        if (table is null)
        {
            Emit(TableOutsideTheModel(operation));
            return;
        }

        // Also for a change that joins a pending rebuild: the reasons refuse what DuckDB cannot do at all.
        var reason = _reasons.For(operation, model, table, _facts);
        if (_batch is not null)
        {
            Join(operation, model, table);
            _batch.Trailing.AddRange(After(operation, model, table));
            return;
        }

        Emit(StringLengthGuard.For(operation, table));
        if (reason is null)
        {
            Emit(Native(operation));
        }
        else if (operation is AlterColumnNullabilityOperation && !_facts.Changed(table.Name) && _roles.OnlyReferencesBlock(model, table))
        {
            Emit(await SetReferencesAsideAsync(operation, model, table, reason, DuckDbSqlGenerator.Generate(operation).ToList(), cancellationToken).ConfigureAwait(false));
        }
        else
        {
            StartBatch(operation, model, table, reason);
        }

        var after = After(operation, model, table);
        if (_batch is null)
        {
            Emit(after);
        }
        else
        {
            _batch.Trailing.AddRange(after);
        }
    }

    /// <summary>What follows a change: views naming a renamed table or column, sequences only a dropped column used.</summary>
    private List<SqlStep> After(MigrationOperation operation, SchemaModel before, TableModel table)
    {
        var (steps, views) = _views.After(operation, before);
        var following = steps.ToList();
        if (_schema.Known is { } known && steps.Count > 0)
        {
            _schema.Replace(known with { Views = views });
        }

        if (operation is RenameTableOperation rename)
        {
            _facts.Renamed(rename.Table, rename.Table with { Name = rename.NewName });
        }

        if (operation is AddPrimaryKeyOperation or AddUniqueConstraintOperation or AddForeignKeyOperation or AddCheckConstraintOperation or DropConstraintOperation)
        {
            // DuckDB does not store constraint names; a key added in place must be written down too.
            _facts.ConstraintsChangedOn(table.Name);
        }

        if (operation is DropTableOperation or DropColumnOperation)
        {
            _facts.ConstraintsChangedOn(table.Name);
            following.AddRange(_identity.Unused(operation, before, table)
                .SelectMany(Native)
                .Select(s => s with { Comment = "sequence of a dropped identity column" }));
        }

        return following;
    }

    /// <summary>Seed rows: through the appender when there are many, level by level in a self-referencing table.</summary>
    private async Task InsertAsync(InsertDataOperation o, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(cancellationToken).ConfigureAwait(false);
        foreach (var level in SelfReferenceLevels.Split(o, _names.FindTable(model, o.Table), _names))
        {
            Emit(level.Rows.Count >= AppenderLoad.Threshold
                ? [AppenderLoad.Step(level, _names.Resolve(level.Table), () => DuckDbSqlGenerator.Generate(level))]
                : Native(level));
        }
    }

    /// <summary>
    /// A table the schema does not know: missing (DuckDB says so), or made by raw SQL. A change that
    /// DuckDB can only make by rebuilding needs the table's definition: after raw SQL of an earlier
    /// migration the plan is made again once that SQL has run; raw SQL in the same migration cannot
    /// be waited for.
    /// </summary>
    private List<SqlStep> TableOutsideTheModel(MigrationOperation operation)
    {
        try
        {
            return Native(operation);
        }
        catch (NotSupportedException) when (_schema.UsedUncertainSchema)
        {
            if (_facts.RawSqlRan)
            {
                throw new MigrationPlanningException(operation,
                    $"{((ITableOperation)operation).Table} is made by raw SQL in this same migration, and DuckDB can only make this change by rebuilding the table from its definition, which is not known until that SQL has run. " +
                    "Move the Sql(...) into an earlier migration, or create the table with CreateTable.");
            }

            return [new SqlStep($"-- {operation.Describe()}: planned again once the raw SQL before it has run")];
        }
    }
}
