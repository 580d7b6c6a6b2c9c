using Migrations.Operations;

namespace Migrations.Schema;

/// <summary>
/// The schema as a run's planned operations would leave it. Reads the database only when a
/// planner first needs the schema, then advances it operation by operation. Raw SQL cannot be
/// simulated: after it, plans that rely on the schema are marked as uncertain.
/// </summary>
internal sealed class SchemaTracker
{
    private readonly Func<CancellationToken, Task<SchemaModel>> _read;
    private readonly ISchemaConventions _conventions;
    private readonly List<MigrationOperation> _plannedBeforeRead = [];
    private SchemaModel? _model;
    private bool _rawSqlSeen;

    /// <summary>Creates a tracker.</summary>
    /// <param name="read">Reads the schema from the database.</param>
    /// <param name="conventions">The dialect's naming and type conventions.</param>
    public SchemaTracker(Func<CancellationToken, Task<SchemaModel>> read, ISchemaConventions conventions)
    {
        _read = read;
        _conventions = conventions;
    }

    /// <summary>True when a plan since <see cref="StartPlan"/> relied on a schema that raw SQL may have changed.</summary>
    public bool UsedUncertainSchema { get; private set; }

    /// <summary>The schema if it has been read, without reading it.</summary>
    public SchemaModel? Known => _model;

    /// <summary>Starts planning one migration.</summary>
    public void StartPlan() => UsedUncertainSchema = false;

    /// <summary>The schema after everything planned so far; reads the database the first time.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<SchemaModel> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_model is null)
        {
            var model = await _read(cancellationToken).ConfigureAwait(false);
            foreach (var planned in _plannedBeforeRead)
            {
                model = Advance(model, planned);
            }

            _plannedBeforeRead.Clear();
            _model = model;
        }

        UsedUncertainSchema |= _rawSqlSeen;
        return _model;
    }

    /// <summary>Records a planned operation.</summary>
    /// <param name="operation">The operation, as it will run.</param>
    public void Track(MigrationOperation operation)
    {
        if (_model is null)
        {
            _plannedBeforeRead.Add(operation);
        }
        else
        {
            _model = Advance(_model, operation);
        }
    }

    /// <summary>Replaces the schema after a change the planner worked out itself (for example a rebuild).</summary>
    /// <param name="model">The schema after the change.</param>
    public void Replace(SchemaModel model) => _model = model;

    /// <summary>The schema after one operation; raw SQL leaves it as it was and marks it uncertain.</summary>
    /// <param name="model">The schema before.</param>
    /// <param name="operation">The operation.</param>
    public SchemaModel Advance(SchemaModel model, MigrationOperation operation)
    {
        var next = model.Apply(operation, _conventions);
        _rawSqlSeen |= next is null;
        return next ?? model;
    }
}
