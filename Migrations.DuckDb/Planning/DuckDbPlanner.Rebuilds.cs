using Migrations.Dialects;
using Migrations.DuckDb.Dialect;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Planning;

/// <summary>Rebuilds: started by a change DuckDB cannot make in place, joined by the table's next changes, written out once.</summary>
internal sealed partial class DuckDbPlanner
{
    private async Task AddColumnAsync(AddColumnOperation o, CancellationToken cancellationToken)
    {
        var column = o.Column;
        if (column.IsIdentity)
        {
            Emit(IdentitySequence(o.Table, column.Name));
            column = IdentityColumns.AsSequenceDefault(o.Table, column);
        }

        var shaped = o with { Column = column };
        var needsModel = _batch is not null || o.Column.IsIdentity || !column.IsNullable || o.Backfill is not null || _facts.Changed(o.Table);
        if (!needsModel)
        {
            if (!DuckDbFills.IsStoredAsConstant(column.Type, column.Default))
            {
                _facts.RowsChanged(o.Table);
            }

            Emit(Native(shaped));
            return;
        }

        var model = await ModelAsync(cancellationToken).ConfigureAwait(false);
        if (_names.FindTable(model, o.Table) is not { } table)
        {
            Emit(Native(shaped));
            return;
        }

        var decision = AddColumnDecision.For(o, column, model, table, _facts, _roles);
        // In a rebuild, existing rows get the backfill (or the default) as the rows are copied back.
        var filled = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [column.Name] = decision.FillSql };
        if (_batch is not null)
        {
            Join(shaped, model, table, filled);
            return;
        }

        switch (decision.Way)
        {
            case AddColumnWay.Rebuild:
                StartBatch(shaped, model, table, decision.Reason!, filled);
                return;
            case AddColumnWay.MoveReferencesAside:
                Emit(await SetReferencesAsideAsync(shaped, model, table, decision.Reason!, decision.InPlaceStatements(shaped), cancellationToken).ConfigureAwait(false));
                return;
            default:
                if (decision.WritesRows)
                {
                    // Like an UPDATE: later ADD/DROP COLUMN, SET TYPE or SET NOT NULL on this table would fail.
                    _facts.RowsChanged(o.Table);
                }

                _schema.Track(shaped);
                Emit(decision.InPlaceStatements(shaped));
                return;
        }
    }

    /// <summary>Starts the rebuild of a table; its next changes in the migration join it.</summary>
    private void StartBatch(MigrationOperation operation, SchemaModel model, TableModel table, string reason, IReadOnlyDictionary<string, string>? filled = null)
    {
        _batch = new RebuildBatch(_names, _current!, model, table.Name, reason);
        _facts.Rebuilt(_roles.Closure(model, table.Name).Select(t => t.Name));
        Join(operation, model, table, filled);
    }

    /// <summary>Adds a change to the pending rebuild: the schema moves past it, the rows will pass through it.</summary>
    private void Join(MigrationOperation operation, SchemaModel model, TableModel table, IReadOnlyDictionary<string, string>? filled = null)
    {
        var sources = new Dictionary<string, string>(filled ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        var after = _schema.Advance(model, operation);
        switch (operation)
        {
            case RenameColumnOperation o:
                sources[o.NewName] = DuckDbSql.Quote(o.Column);
                break;
            case AlterColumnTypeOperation o:
                sources[o.Column] = o.Using ?? $"CAST({DuckDbSql.Quote(o.Column)} AS {DuckDbTypes.StoreType(o.NewType)})";
                after = MatchReferencingTypes(after, table.Name, o);
                break;
        }

        _schema.Replace(after);
        _batch!.Add(operation, after, sources);
    }

    /// <summary>Writes out the pending rebuild, if any.</summary>
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch is not { } batch)
        {
            return;
        }

        _batch = null;
        var levels = await _depth.ForAsync(_roles.Closure(batch.Before, batch.Original), cancellationToken).ConfigureAwait(false);
        var (steps, _) = _rebuild.Plan(batch.Before, batch.After, batch.Original, batch.Current, batch.Rows, batch.Reason, levels);
        _steps.AddRange(steps.Concat(batch.Trailing).Select(s => s with { Source = batch.Source }));
    }

    /// <summary>The table changes in place while the tables that reference it are copied aside and back.</summary>
    private async Task<IReadOnlyList<SqlStep>> SetReferencesAsideAsync(MigrationOperation operation, SchemaModel model, TableModel table, string reason, IReadOnlyList<SqlStep> inPlace, CancellationToken cancellationToken)
    {
        var after = _schema.Advance(model, operation);
        var levels = await _depth.ForAsync(_roles.Closure(model, table.Name), cancellationToken).ConfigureAwait(false);
        var (steps, rebuilt) = _rebuild.Plan(model, after, table.Name, table.Name, RowSource.Unchanged, reason, levels, inPlace);
        _schema.Replace(after);
        _facts.Rebuilt(rebuilt);
        return steps;
    }

    /// <summary>A referenced key that changes type takes its foreign-key columns along, as DuckDB requires equal types.</summary>
    private SchemaModel MatchReferencingTypes(SchemaModel model, TableName table, AlterColumnTypeOperation o)
    {
        var type = DuckDbTypes.StoreType(o.NewType);
        return model with
        {
            Tables = model.Tables.Select(t => t with
            {
                Columns = t.Columns.Select(c => t.ForeignKeys.Any(f => _names.Same(f.PrincipalTable, table) &&
                        f.Columns.Zip(f.PrincipalColumns).Any(p => _names.SameName(p.First, c.Name) && _names.SameName(p.Second, o.Column)))
                    ? c with { StoreType = type }
                    : c).ToArray(),
            }).ToArray(),
        };
    }
}
