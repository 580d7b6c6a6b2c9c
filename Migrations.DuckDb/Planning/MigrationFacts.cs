using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Planning;

/// <summary>
/// What earlier operations of the migration being planned did to its tables, as far as DuckDB's
/// in-place ALTERs care: DuckDB refuses most of them on a table whose rows were changed, or whose
/// index was dropped, earlier in the same transaction. Also which tables' constraint names must be
/// written down again once the migration's statements are planned.
/// </summary>
internal sealed class MigrationFacts
{
    private readonly NameResolver _names;
    private readonly List<TableName> _changedRows = [];
    private readonly List<TableName> _freshSinceRawSql = [];
    private readonly List<TableName> _droppedIndexes = [];
    private readonly List<TableName> _constraintsChanged = [];

    public MigrationFacts(NameResolver names) => _names = names;

    /// <summary>Whether raw SQL ran earlier in the migration (it may have changed any table).</summary>
    public bool RawSqlRan { get; private set; }

    /// <summary>The tables whose constraint names are to be recorded again, each once.</summary>
    public IEnumerable<TableName> ConstraintsChanged => _constraintsChanged.Distinct();

    /// <summary>Forgets everything: a new migration starts.</summary>
    public void Clear()
    {
        _changedRows.Clear();
        _freshSinceRawSql.Clear();
        _droppedIndexes.Clear();
        _constraintsChanged.Clear();
        RawSqlRan = false;
    }

    public void RowsChanged(TableName table) => _changedRows.Add(table);

    public void IndexDropped(TableName table) => _droppedIndexes.Add(table);

    public void ConstraintsChangedOn(TableName table) => _constraintsChanged.Add(table);

    /// <summary>A table made in this migration: its rows are fresh even after raw SQL.</summary>
    public void Created(TableName table) => _freshSinceRawSql.Add(table);

    /// <summary>Raw SQL ran: every table made before it may have changed rows.</summary>
    public void RawSql()
    {
        RawSqlRan = true;
        _freshSinceRawSql.Clear();
    }

    /// <summary>Tables written anew by a rebuild: fresh, and with constraints to record.</summary>
    public void Rebuilt(IEnumerable<TableName> tables)
    {
        foreach (var table in tables)
        {
            _changedRows.RemoveAll(t => _names.Same(t, table));
            _droppedIndexes.RemoveAll(t => _names.Same(t, table));
            _freshSinceRawSql.Add(table);
            _constraintsChanged.Add(table);
        }
    }

    /// <summary>What this migration did to a table's rows and indexes still counts under its new name.</summary>
    public void Renamed(TableName from, TableName to)
    {
        _constraintsChanged.Add(from);
        _constraintsChanged.Add(to);
        foreach (var list in new[] { _changedRows, _droppedIndexes, _freshSinceRawSql })
        {
            if (list.RemoveAll(t => _names.Same(t, from)) > 0)
            {
                list.Add(to);
            }
        }
    }

    /// <summary>
    /// Whether rows of the table may have been updated or deleted earlier in this migration, which
    /// makes DuckDB refuse in-place ALTERs of it ("Cannot create index with outstanding updates").
    /// </summary>
    public bool Changed(TableName table) =>
        _changedRows.Any(t => _names.Same(t, table)) || (RawSqlRan && !_freshSinceRawSql.Any(t => _names.Same(t, table)));

    public bool DroppedIndex(TableName table) => _droppedIndexes.Any(t => _names.Same(t, table));
}
