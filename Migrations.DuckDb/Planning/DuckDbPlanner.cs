using System.Data.Common;
using Migrations.Dialects;
using Migrations.DuckDb.Dialect;
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
