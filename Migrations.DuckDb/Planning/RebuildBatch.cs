using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Planning;

/// <summary>
/// One rebuild of a table carrying all of its consecutive changes in a migration, as Alembic's
/// batch mode does: the table is copied aside once, made anew as the last change leaves it, and
/// each row's values pass through every change in order on the way back.
/// </summary>
internal sealed class RebuildBatch
{
    private readonly List<RowLayer> _layers = [];
    private readonly List<MigrationOperation> _changes = [];
    private readonly NameResolver _names;
    private readonly string _reason;

    /// <summary>Starts the batch for a change that needs the rebuild.</summary>
    /// <param name="names">The dialect's name rules.</param>
    /// <param name="source">The migration's operation being planned.</param>
    /// <param name="before">The schema before the first change.</param>
    /// <param name="table">The table, by its name now.</param>
    /// <param name="reason">Why the first change needs the rebuild; later changes ride along.</param>
    public RebuildBatch(NameResolver names, MigrationOperation source, SchemaModel before, TableName table, string reason)
    {
        _names = names;
        _reason = reason;
        Source = source;
        Before = before;
        After = before;
        Original = table;
        Current = table;
    }

    /// <summary>The migration's operation the batch started in, named as the source of its statements.</summary>
    public MigrationOperation Source { get; }

    /// <summary>The schema before the first change.</summary>
    public SchemaModel Before { get; }

    /// <summary>The schema after the last change.</summary>
    public SchemaModel After { get; private set; }

    /// <summary>The table's name before the first change.</summary>
    public TableName Original { get; }

    /// <summary>The table's name after the last change.</summary>
    public TableName Current { get; private set; }

    /// <summary>Statements that must run before the copy (a sequence a new identity column draws from).</summary>
    public List<SqlStep> Prelude { get; } = [];

    /// <summary>Statements that must run after it (views naming a renamed column, sequences of dropped columns).</summary>
    public List<SqlStep> Trailing { get; } = [];

    /// <summary>Whether an operation changes this batch's table (by its name now).</summary>
    public bool Covers(ITableOperation operation) => _names.Same(Current, operation.Table);

    /// <summary>Adds a change.</summary>
    /// <param name="operation">The change.</param>
    /// <param name="after">The schema after it.</param>
    /// <param name="sources">The columns it computes anew, as SQL over the columns before it.</param>
    public void Add(MigrationOperation operation, SchemaModel after, IReadOnlyDictionary<string, string> sources)
    {
        if (operation is RenameTableOperation rename)
        {
            Current = Current with { Name = rename.NewName };
        }

        var table = _names.FindTable(after, Current) ?? throw new InvalidOperationException($"The model after {operation.Describe()} has no table {Current}.");
        _layers.Add(new RowLayer(table.Columns.Select(c => c.Name).ToArray(), sources));
        _changes.Add(operation);
        After = after;
    }

    /// <summary>Where the values come from, through every change.</summary>
    // A change that computes nothing (a dropped column, a new constraint) needs no select of its own.
    public RowSource Rows => new(_layers.Where((l, i) => l.Sources.Count > 0 || i == _layers.Count - 1).ToArray());

    /// <summary>Why the table is rebuilt, for scripts and logs.</summary>
    public string Reason => _changes.Count == 1
        ? _reason
        : $"{_reason}; one copy carries all {_changes.Count} changes to it: {string.Join(", ", _changes.Select(c => c.Describe()))}";
}
