using System.Data.Common;
using Migrations.Dialects;
using Migrations.DuckDb.Dialect;
using Migrations.DuckDb.Loading;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Planning;

/// <summary>
/// Chooses, for every operation, how DuckDB can carry it out in the table's current state: a
/// native statement where DuckDB allows it, a short decomposition (add a column, then SET NOT
/// NULL), or a rebuild of the table and the tables that reference it, one rebuild for all of a
/// table's consecutive changes. The schema is read from the database once, when an operation
/// first needs it, and then advanced operation by operation. The decisions are made by
/// <see cref="RebuildReasons"/> and <see cref="AddColumnDecision"/>; this class carries them out.
/// </summary>
internal sealed partial class DuckDbPlanner : IMigrationPlanner
{
    private readonly NameResolver _names = new(DuckDbConventions.Instance);
    private readonly PlanningContext _context;
    private readonly SchemaTracker _schema;
    private readonly MigrationFacts _facts;
    private readonly TableRoles _roles;
    private readonly RebuildReasons _reasons;
    private readonly IdentityColumns _identity;
    private readonly ViewRenames _views;
    private readonly SelfReferenceDepth _depth;
    private readonly DuckDbTableRebuild _rebuild;
    private readonly List<SqlStep> _steps = [];
    private MigrationOperation? _current;
    private RebuildBatch? _batch;

    public DuckDbPlanner(DbConnection connection, PlanningContext? context = null)
    {
        _context = context ?? PlanningContext.None;
        _schema = new SchemaTracker(ct => DuckDbSchemaReader.ReadAsync(connection, ct), DuckDbConventions.Instance);
        _facts = new MigrationFacts(_names);
        _roles = new TableRoles(_names);
        _reasons = new RebuildReasons(_names, _roles);
        _identity = new IdentityColumns(_names);
        _views = new ViewRenames(_names);
        _depth = new SelfReferenceDepth(connection, _names);
        _rebuild = new DuckDbTableRebuild(_names, _roles);
    }

    public async Task<MigrationPlan> PlanAsync(IReadOnlyList<MigrationOperation> operations, CancellationToken cancellationToken)
    {
        _schema.StartPlan();
        _facts.Clear();
        _steps.Clear();
        _batch = null;
        foreach (var operation in operations)
        {
            _current = operation;
            await PlanAsync(operation, cancellationToken).ConfigureAwait(false);
        }

        _current = null;
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        if (_facts.ConstraintsChanged.Any())
        {
            var model = await ModelAsync(cancellationToken).ConfigureAwait(false);
            _steps.Add(DuckDbConstraintNames.CreateIfMissing() with { Comment = "keep the constraint names DuckDB does not store" });
            _steps.AddRange(DuckDbConstraintNames.Rewrite(model, _facts.ConstraintsChanged, _names));
        }

        return new MigrationPlan(_steps.ToArray(), IsExact: !_schema.UsedUncertainSchema);
    }

    private async Task PlanAsync(MigrationOperation operation, CancellationToken cancellationToken)
    {
        if (SchemaChecks.Applies(operation))
        {
            var before = await ModelAsync(cancellationToken).ConfigureAwait(false);
            CheckNames(operation, before);
            operation = EnumSeedValues.Resolve(operation, before, _names, (table, column) => EnumOf(before, table, column), _context);
        }

        if (_batch is not null && !JoinsBatch(operation, _batch))
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        switch (operation)
        {
            case CreateTableOperation o:
                _facts.Created(o.Table);
                CreateTable(o);
                return;
            case AddColumnOperation o:
                await AddColumnAsync(o, cancellationToken).ConfigureAwait(false);
                return;
            case UpdateDataOperation or DeleteDataOperation:
                _facts.RowsChanged(((ITableOperation)operation).Table);
                Emit(Native(operation));
                return;
            case DropIndexOperation o when _batch is null:
                _facts.IndexDropped(o.Table);
                Emit(Native(o));
                return;
            case CreateIndexOperation o when _batch is null && !_facts.Changed(o.Table):
                Emit(Native(o));
                return;
            case AlterColumnDefaultOperation when _batch is null:
                Emit(Native(operation));
                return;
            case InsertDataOperation o:
                await InsertAsync(o, cancellationToken).ConfigureAwait(false);
                return;
            case SqlOperation:
                _facts.RawSql();
                Emit(Native(operation));
                return;
            case CreateSequenceOperation or DropSequenceOperation or TimeoutsOperation or SafeRewritesOperation:
                Emit(Native(operation));
                return;
            case IEnumTypeOperation:
                await PlanEnumAsync(operation, cancellationToken).ConfigureAwait(false);
                return;
            default:
                await ChangeTableAsync(operation, cancellationToken).ConfigureAwait(false);
                return;
        }
    }

    /// <summary>
    /// Whether the operation rides in the pending rebuild of its table: a change of the table's
    /// definition (data changes and a drop end the batch, and so does a check that reads the
    /// column's values, which must see them as they are before the rebuild).
    /// </summary>
    private static bool JoinsBatch(MigrationOperation operation, RebuildBatch batch) =>
        operation is ITableOperation target && batch.Covers(target) &&
        operation is not (InsertDataOperation or UpdateDataOperation or DeleteDataOperation or DropTableOperation) &&
        !StringLengthGuard.Applies(operation);

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

        var reason = _reasons.For(operation, model, table, _facts);
        if (_batch is not null)
        {
            Join(operation, model, table, reason);
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

    /// <summary>
    /// Changes to tables and columns that are not there are refused before any SQL. After raw SQL
    /// the schema is only a guess; the plan is made again once that SQL has run, and checked then.
    /// </summary>
    private void CheckNames(MigrationOperation operation, SchemaModel model)
    {
        if (!_context.Resuming && !_schema.UsedUncertainSchema && SchemaChecks.Problem(operation, model, _names) is { } problem)
        {
            throw new MigrationPlanningException(operation, problem);
        }
    }

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

    /// <summary>The operation as DuckDB writes it, with the schema advanced past it.</summary>
    private List<SqlStep> Native(MigrationOperation operation)
    {
        var steps = DuckDbSqlGenerator.Generate(operation).ToList();
        _schema.Track(operation);
        return steps;
    }

    /// <summary>Adds statements to the plan, carrying out the operation being planned.</summary>
    private void Emit(IEnumerable<SqlStep> steps) => _steps.AddRange(steps.Select(s => s with { Source = _current }));

    private Task<SchemaModel> ModelAsync(CancellationToken cancellationToken) => _schema.CurrentAsync(cancellationToken);

    /// <summary>The enum type of a column: its store type is the quoted name of a type in the table's schema.</summary>
    private EnumModel? EnumOf(SchemaModel model, TableModel table, ColumnModel column) =>
        model.Enums.FirstOrDefault(e => _names.SameName(e.Name.Schema!, table.Name.Schema!) && column.StoreType == DuckDbSql.Quote(e.Name.Name));
}
