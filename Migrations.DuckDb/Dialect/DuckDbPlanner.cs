using System.Data.Common;
using Migrations.Dialects;
using Migrations.DuckDb.Loading;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Dialect;

/// <summary>
/// Chooses, for every operation, how DuckDB can carry it out in the table's current state: a
/// native statement where DuckDB allows it, a short decomposition (add a column, then SET NOT
/// NULL), or a rebuild of the table and the tables that reference it. The schema is read from the
/// database once, when an operation first needs it, and then advanced operation by operation.
/// </summary>
internal sealed class DuckDbPlanner : IMigrationPlanner
{
    private const int LevelMargin = 8;
    private const int DefaultLevels = 32;
    private const string ChangedRowsReason = "its rows were updated or deleted earlier in this migration (raw SQL counts: it may change any table), and DuckDB cannot alter such a table in place in the same transaction";

    private readonly DbConnection _connection;
    private readonly NameResolver _names = new(DuckDbConventions.Instance);
    private readonly DuckDbTableRebuild _rebuild;
    private readonly List<TableName> _changedRows = [];

    // Raw SQL may have changed the rows of any table; tables created or rebuilt after it are fresh.
    private readonly List<TableName> _freshSinceRawSql = [];
    private bool _rawSqlRan;
    private readonly List<TableName> _droppedIndexes = [];
    private readonly List<TableName> _constraintsChanged = [];
    private readonly SchemaTracker _schema;

    private readonly PlanningContext _context;

    public DuckDbPlanner(DbConnection connection, PlanningContext? context = null)
    {
        _connection = connection;
        _context = context ?? PlanningContext.None;
        _rebuild = new DuckDbTableRebuild(_names);
        _schema = new SchemaTracker(ct => DuckDbSchemaReader.ReadAsync(connection, ct), DuckDbConventions.Instance);
    }

    public async Task<MigrationPlan> PlanAsync(IReadOnlyList<MigrationOperation> operations, CancellationToken cancellationToken)
    {
        _schema.StartPlan();
        _changedRows.Clear();
        _freshSinceRawSql.Clear();
        _rawSqlRan = false;
        _droppedIndexes.Clear();
        _constraintsChanged.Clear();
        var steps = new List<SqlStep>();
        foreach (var operation in operations)
        {
            var planned = await PlanAsync(operation, cancellationToken).ConfigureAwait(false);
            steps.AddRange(planned.Select(s => s with { Source = operation }));
        }

        if (_constraintsChanged.Count > 0)
        {
            var model = await ModelAsync(cancellationToken).ConfigureAwait(false);
            steps.Add(DuckDbConstraintNames.CreateIfMissing() with { Comment = "keep the constraint names DuckDB does not store" });
            steps.AddRange(DuckDbConstraintNames.Rewrite(model, _constraintsChanged.Distinct(), _names));
        }

        return new MigrationPlan(steps, IsExact: !_schema.UsedUncertainSchema);
    }

    private async Task<IReadOnlyList<SqlStep>> PlanAsync(MigrationOperation operation, CancellationToken cancellationToken)
    {
        if (SchemaChecks.Applies(operation))
        {
            var before = await ModelAsync(cancellationToken).ConfigureAwait(false);
            CheckNames(operation, before);
            operation = EnumSeedValues.Resolve(operation, before, _names, (table, column) => EnumOf(before, table, column), _context);
        }

        switch (operation)
        {
            case CreateTableOperation o:
                _freshSinceRawSql.Add(o.Table);
                return CreateTable(o);
            case AddColumnOperation o:
                return await AddColumnAsync(o, cancellationToken).ConfigureAwait(false);
            case UpdateDataOperation o:
                _changedRows.Add(o.Table);
                return Native(o);
            case DeleteDataOperation o:
                _changedRows.Add(o.Table);
                return Native(o);
            case DropIndexOperation o:
                _droppedIndexes.Add(o.Table);
                return Native(o);
            case CreateIndexOperation o when !Changed(o.Table):
                return Native(o);
            case InsertDataOperation o:
                return await InsertAsync(o, cancellationToken).ConfigureAwait(false);
            case AlterColumnDefaultOperation o:
                return Native(o);
            case SqlOperation:
                _rawSqlRan = true;
                _freshSinceRawSql.Clear();
                return Native(operation);
            case CreateSequenceOperation or DropSequenceOperation or TimeoutsOperation or SafeRewritesOperation:
                return Native(operation);
            case IEnumTypeOperation:
                return await PlanEnumAsync(operation, cancellationToken).ConfigureAwait(false);
        }

        var model = await ModelAsync(cancellationToken).ConfigureAwait(false);
        var table = operation is ITableOperation target ? _names.FindTable(model, target.Table) : null;
        if (table is null)
        {
            return TableOutsideTheModel(operation);
        }

        if (operation is DropColumnOperation drop && table.Columns.Where(c => c.GeneratedSql is { } sql && !_names.SameName(c.Name, drop.Column) && SqlIdentifiers.Mentions(sql, drop.Column, _names)).ToList() is { Count: > 0 } computed)
        {
            throw new MigrationPlanningException(operation,
                $"Column {table.Name}.{drop.Column} is what the generated column(s) {Generated(computed)} compute from, and DuckDB cannot drop it while they need it: drop those columns first (DuckDB cannot add a generated column to an existing table; to keep one, create the table again with Sql(...)).");
        }

        var reason = RebuildReason(operation, model, table);
        var inPlace = operation is AlterColumnNullabilityOperation && !Changed(table.Name) && OnlyReferencesBlock(model, table)
            ? DuckDbSqlGenerator.Generate(operation).ToList()
            : null;
        var steps = reason is null ? Native(operation) : await RebuildAsync(operation, model, table, reason, cancellationToken, inPlace: inPlace).ConfigureAwait(false);
        return [.. LengthGuard(operation, table), .. steps, .. AfterRename(operation, model), .. AfterDrop(operation, model, table)];
    }

    /// <summary>Seed rows: through the appender when there are many, level by level in a self-referencing table.</summary>
    private async Task<List<SqlStep>> InsertAsync(InsertDataOperation o, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(cancellationToken).ConfigureAwait(false);
        var steps = new List<SqlStep>();
        foreach (var level in SelfReferenceLevels.Split(o, _names.FindTable(model, o.Table), _names))
        {
            steps.AddRange(level.Rows.Count >= AppenderLoad.Threshold
                ? [AppenderLoad.Step(level, _names.Resolve(level.Table), () => DuckDbSqlGenerator.Generate(level))]
                : Native(level));
        }

        return steps;
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
            if (_rawSqlRan)
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

    private async Task<IReadOnlyList<SqlStep>> PlanEnumAsync(MigrationOperation operation, CancellationToken cancellationToken)
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
            if (current is null)
            {
                return Native(create);
            }

            // Creating a type that exists with the same values is a no-op, never "already exists".
            return current.Values.SequenceEqual(create.Values, StringComparer.Ordinal)
                ? []
                : throw new MigrationPlanningException(create, $"{current.Name} already exists with values ({string.Join(", ", current.Values)}): add or rename values with AddEnumValue / RenameEnumValue.");
        }

        if (current is null)
        {
            throw new MigrationPlanningException(operation, $"There is no enum type {resolved}: create it with CreateEnum first.");
        }

        if (operation is DropEnumOperation drop)
        {
            return users.Count == 0
                ? Native(drop)
                : throw new MigrationPlanningException(drop, $"{current.Name} is used by {string.Join(", ", users.Select(u => $"{u.Table}.{u.Column}"))}: drop those columns or change their type first.");
        }

        var values = DuckDbEnumChanges.NewValues(operation, current);
        var steps = new List<SqlStep>();
        if (operation is DropEnumValueOperation dropValue)
        {
            steps.AddRange(users.Select(u => DuckDbEnumChanges.GuardDroppedValue(u.Table, u.Column, dropValue)));
        }

        steps.AddRange(Native(new DropEnumOperation(current.Name)).Select(s => s with { Comment = $"DuckDB cannot alter enum types: recreate {current.Name} with values ({string.Join(", ", values)})" }));
        steps.AddRange(Native(new CreateEnumOperation(current.Name, values)));
        foreach (var (table, column) in users)
        {
            var retype = new AlterColumnTypeOperation(table, column, ColumnType.Enum(current.Name.Name), DuckDbEnumChanges.Conversion(operation, column, current.Name));
            steps.AddRange(await PlanAsync(retype, cancellationToken).ConfigureAwait(false));
        }

        return steps;
    }

    private List<SqlStep> CreateTable(CreateTableOperation o)
    {
        var identities = o.Columns.Where(c => c.IsIdentity).ToList();
        var steps = identities.SelectMany(c => IdentitySequenceSteps(o.Table, c.Name))
            .Select(s => s with { Comment = "identity column: a sequence and a nextval default" })
            .ToList();
        steps.AddRange(Native(o with { Columns = o.Columns.Select(c => c.IsIdentity ? AsSequenceDefault(o.Table, c) : c).ToArray() }));
        if (o.PrimaryKey is not null || o.UniqueConstraints.Count + o.ForeignKeys.Count + o.CheckConstraints.Count > 0)
        {
            _constraintsChanged.Add(o.Table);
        }

        return steps;
    }

    private async Task<IReadOnlyList<SqlStep>> AddColumnAsync(AddColumnOperation o, CancellationToken cancellationToken)
    {
        var steps = new List<SqlStep>();
        var column = o.Column;
        if (column.IsIdentity)
        {
            steps.AddRange(IdentitySequenceSteps(o.Table, column.Name));
            column = AsSequenceDefault(o.Table, column);
        }

        var shaped = o with { Column = column };
        var needsModel = o.Column.IsIdentity || !column.IsNullable || o.Backfill is not null || Changed(o.Table);
        if (!needsModel)
        {
            if (!DuckDbFills.IsStoredAsConstant(column.Type, column.Default))
            {
                _changedRows.Add(o.Table);
            }

            return [.. steps, .. Native(shaped)];
        }

        var model = await ModelAsync(cancellationToken).ConfigureAwait(false);
        if (_names.FindTable(model, o.Table) is not { } table)
        {
            return [.. steps, .. Native(shaped)];
        }

        var fillValue = o.Backfill ?? column.Default;
        var writesRows = !DuckDbFills.IsStoredAsConstant(column.Type, fillValue);
        var reason = o.Column.IsIdentity ? "an identity column needs its values and NOT NULL at once, which DuckDB cannot add in place"
            : Changed(o.Table) ? ChangedRowsReason
            : o.Backfill is { Sql: not null } ? "existing rows get values computed from an expression"
            : !column.IsNullable && writesRows ? "DuckDB writes this value into every row, and then refuses SET NOT NULL in the same transaction"
            : null;
        // In a rebuild, existing rows get the backfill (or the default) as the rows are copied back.
        var filled = new Dictionary<string, string> { [column.Name] = DuckDbSql.Default(fillValue) ?? "NULL" };
        if (reason is not null)
        {
            return [.. steps, .. await RebuildAsync(shaped, model, table, reason, cancellationToken, filled).ConfigureAwait(false)];
        }

        if (!column.IsNullable && Blocker(model, table) is { } blocker)
        {
            // Only referencing tables in the way: the research recipe sets them aside and adds the column in place.
            var why = $"{blocker}, and DuckDB refuses SET NOT NULL there";
            return OnlyReferencesBlock(model, table)
                ? [.. steps, .. await RebuildAsync(shaped, model, table, why, cancellationToken, inPlace: Decompose(shaped, fillValue)).ConfigureAwait(false)]
                : [.. steps, .. await RebuildAsync(shaped, model, table, why, cancellationToken, filled).ConfigureAwait(false)];
        }

        if (writesRows)
        {
            // Like an UPDATE: later ADD/DROP COLUMN, SET TYPE or SET NOT NULL on this table would fail.
            _changedRows.Add(o.Table);
        }

        Track(shaped);
        return [.. steps, .. Decompose(shaped, fillValue)];
    }

    /// <summary>Add with the backfill (or default) so that existing rows get it, then constrain, then settle the default.</summary>
    private static List<SqlStep> Decompose(AddColumnOperation shaped, DefaultValue? fillValue)
    {
        var column = shaped.Column;
        var steps = DuckDbSqlGenerator.Generate(shaped with { Column = column with { IsNullable = true, Default = fillValue } })
            .Select(s => s with { Comment = column.IsNullable ? null : "DuckDB adds columns without constraints; NOT NULL follows" })
            .ToList();
        if (!column.IsNullable)
        {
            steps.AddRange(DuckDbSqlGenerator.Generate(new AlterColumnNullabilityOperation(shaped.Table, column.Name, IsNullable: false)));
        }

        if (shaped.Backfill is not null)
        {
            steps.AddRange(DuckDbSqlGenerator.Generate(new AlterColumnDefaultOperation(shaped.Table, column.Name, column.Default)));
        }

        return steps;
    }

    /// <summary>True when the only thing blocking ALTERs on the table is other tables referencing it (no index, no self-reference).</summary>
    private bool OnlyReferencesBlock(SchemaModel model, TableModel table) =>
        table.Indexes.Count == 0 &&
        !table.ForeignKeys.Any(f => _names.Same(f.PrincipalTable, table.Name)) &&
        _names.Referencing(model, table.Name).Any();

    /// <summary>Why the operation cannot run in place on this table, or null when it can.</summary>
    private string? RebuildReason(MigrationOperation operation, SchemaModel model, TableModel table)
    {
        var blocker = Blocker(model, table);
        var changed = Changed(table.Name) ? ChangedRowsReason : null;
        switch (operation)
        {
            case DropTableOperation:
                // A table others reference is refused by the schema checks, on every database.
                return null;
            case RenameTableOperation:
                return table.ForeignKeys.Count > 0 ? "renaming a table that has foreign keys corrupts DuckDB's catalog (duckdb#24648)" : blocker;
            case DropColumnOperation o:
                if (table.Columns.Count == 1 && _names.SameName(table.Columns[0].Name, o.Column))
                {
                    throw new MigrationPlanningException(o, $"\"{o.Column}\" is the last column of {table.Name}: drop the table instead.");
                }

                return KeyRole(model, table, o.Column) ?? blocker ?? changed
                    ?? (DroppedIndex(table.Name) ? "an index on it was dropped earlier in this migration" : null)
                    ?? KeyColumnAfter(table, o.Column);
            case RenameColumnOperation o:
                return ForeignKeyRole(model, table, o.Column) ?? blocker;
            case AlterColumnTypeOperation o:
                return KeyRole(model, table, o.Column) ?? blocker ?? changed ?? (DroppedIndex(table.Name) ? "an index on it was dropped earlier in this migration" : null);
            case AlterColumnNullabilityOperation o:
                if (o.IsNullable && table.PrimaryKey?.Columns.Any(c => _names.SameName(c, o.Column)) == true)
                {
                    throw new MigrationPlanningException(o, $"\"{o.Column}\" is part of the primary key of {table.Name}, which never accepts NULL: drop the primary key first.");
                }

                return blocker ?? (o.IsNullable ? null : changed);
            case AddPrimaryKeyOperation o:
                if (table.PrimaryKey is { } existing)
                {
                    throw new MigrationPlanningException(o, $"{table.Name} already has primary key {existing.Name}: drop it first (DropConstraint).");
                }

                return blocker ?? changed;
            case AddForeignKeyOperation o:
                CheckForeignKey(o, model, table);
                return "DuckDB cannot add constraints to an existing table";
            case AddUniqueConstraintOperation or AddCheckConstraintOperation:
                return "DuckDB cannot add constraints to an existing table";
            case DropConstraintOperation o:
                if (!DuckDbConstraintNames.Entries(table).Any(e => _names.SameName(e.Name, o.Name)))
                {
                    var known = string.Join(", ", DuckDbConstraintNames.Entries(table).Select(e => e.Name));
                    throw new MigrationPlanningException(o, $"{table.Name} has no constraint named \"{o.Name}\". Its constraints: {(known.Length == 0 ? "none" : known)}.");
                }

                return "DuckDB cannot drop constraints";
            case CreateIndexOperation:
                return changed;
            default:
                return null;
        }
    }

    private void CheckForeignKey(AddForeignKeyOperation o, SchemaModel model, TableModel table)
    {
        var principal = _names.FindTable(model, o.ForeignKey.PrincipalTable with { Schema = o.ForeignKey.PrincipalTable.Schema ?? table.Name.Schema })
            ?? throw new MigrationPlanningException(o, $"The referenced table {o.ForeignKey.PrincipalTable} does not exist.");
        if (!_names.Same(principal.Name, table.Name) && _rebuild.Closure(model, table.Name).Any(t => _names.Same(t.Name, principal.Name)))
        {
            throw new MigrationPlanningException(o,
                $"Foreign key {o.ForeignKey.Name} would close a cycle: {principal.Name} already references {table.Name}, directly or through other tables. " +
                "DuckDB cannot create tables that reference each other (it has no ALTER TABLE ADD FOREIGN KEY); keep the references one-way.");
        }

        if (o.ForeignKey.Columns.Count != o.ForeignKey.PrincipalColumns.Count)
        {
            throw new MigrationPlanningException(o, $"Foreign key {o.ForeignKey.Name} has {o.ForeignKey.Columns.Count} columns but references {o.ForeignKey.PrincipalColumns.Count}.");
        }

        foreach (var (from, to) in o.ForeignKey.Columns.Zip(o.ForeignKey.PrincipalColumns))
        {
            var fromType = table.Columns.FirstOrDefault(c => _names.SameName(c.Name, from))?.StoreType;
            var toType = principal.Columns.FirstOrDefault(c => _names.SameName(c.Name, to))?.StoreType;
            if (fromType is null || toType is null)
            {
                throw new MigrationPlanningException(o, $"Foreign key {o.ForeignKey.Name}: column {(fromType is null ? $"{table.Name}.{from}" : $"{principal.Name}.{to}")} does not exist.");
            }

            if (!string.Equals(fromType, toType, StringComparison.OrdinalIgnoreCase))
            {
                throw new MigrationPlanningException(o, $"Foreign key {o.ForeignKey.Name}: {table.Name}.{from} is {fromType} but {principal.Name}.{to} is {toType}, and DuckDB requires the same type. Change the column's type first (AlterColumn ... Type).");
            }
        }
    }

    private async Task<IReadOnlyList<SqlStep>> RebuildAsync(MigrationOperation operation, SchemaModel model, TableModel table, string reason, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? extraSources = null, IReadOnlyList<SqlStep>? inPlace = null)
    {
        var after = _schema.Advance(model, operation);
        var targetAfter = operation is RenameTableOperation rename ? table.Name with { Name = rename.NewName } : table.Name;
        var sources = new Dictionary<string, string>(extraSources ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
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

        var levels = new Dictionary<TableName, int>();
        foreach (var selfReferencing in _rebuild.Closure(model, table.Name).Where(t => t.ForeignKeys.Any(f => _names.Same(f.PrincipalTable, t.Name))))
        {
            levels[selfReferencing.Name] = await LevelsAsync(selfReferencing, cancellationToken).ConfigureAwait(false);
        }

        var (steps, rebuilt) = _rebuild.Plan(model, after, table.Name, targetAfter, sources, reason, t => levels.GetValueOrDefault(t.Name, DefaultLevels), inPlace);
        _schema.Replace(after);
        _changedRows.RemoveAll(t => rebuilt.Any(r => _names.Same(r, t)));
        _droppedIndexes.RemoveAll(t => rebuilt.Any(r => _names.Same(r, t)));
        _freshSinceRawSql.AddRange(rebuilt);
        _constraintsChanged.AddRange(rebuilt);
        if (!_names.Same(targetAfter, table.Name))
        {
            _constraintsChanged.Add(table.Name);
        }

        return steps;
    }

    /// <summary>
    /// How many levels deep the rows of a self-referencing table go, read from the table now, with
    /// room for rows that earlier migrations of this run may add; a generous default when the table
    /// cannot be read yet (it is created earlier in this run).
    /// </summary>
    private async Task<int> LevelsAsync(TableModel table, CancellationToken cancellationToken)
    {
        var self = table.ForeignKeys.First(f => _names.Same(f.PrincipalTable, table.Name));
        var keys = self.PrincipalColumns.Select((c, i) => (DuckDbSql.Quote(c), DuckDbSql.Quote(self.Columns[i]))).ToList();
        var sql = $"{DuckDbTableRebuild.Levels(DuckDbSql.Quote(table.Name), keys)} SELECT coalesce(max(depth), 0) FROM l";
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = sql;
            var depth = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            return depth + LevelMargin;
        }
        catch (DbException)
        {
            return DefaultLevels;
        }
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

    /// <summary>Views mentioning a renamed table or column are re-created with the new name.</summary>
    private List<SqlStep> AfterRename(MigrationOperation operation, SchemaModel before)
    {
        var (table, from, to) = operation switch
        {
            RenameTableOperation o => (o.Table, o.Table.Name, o.NewName),
            RenameColumnOperation o => (o.Table, o.Column, o.NewName),
            _ => (default, "", ""),
        };
        if (from.Length == 0)
        {
            return [];
        }

        var steps = new List<SqlStep>();
        var views = before.Views.Select(view =>
        {
            if (!SqlIdentifiers.Mentions(view.Sql, table.Name, _names) || !SqlIdentifiers.Mentions(view.Sql, from, _names))
            {
                return view;
            }

            var sql = SqlIdentifiers.Rename(view.Sql, from, to, _names).TrimEnd().TrimEnd(';');
            sql = "CREATE OR REPLACE VIEW" + sql["CREATE VIEW".Length..];
            steps.Add(new SqlStep(sql) { Comment = $"view {view.Name} names the renamed {(operation is RenameTableOperation ? "table" : "column")}" });
            return view with { Sql = sql };
        }).ToArray();
        if (_schema.Known is { } known)
        {
            _schema.Replace(known with { Views = views });
        }

        if (operation is RenameTableOperation rename)
        {
            var renamed = rename.Table with { Name = rename.NewName };
            _constraintsChanged.Add(rename.Table);
            _constraintsChanged.Add(renamed);

            // What this migration did to the table's rows and indexes still counts under its new name.
            foreach (var list in new[] { _changedRows, _droppedIndexes })
            {
                if (list.RemoveAll(t => _names.Same(t, rename.Table)) > 0)
                {
                    list.Add(renamed);
                }
            }
        }

        return steps;
    }

    /// <summary>Dropping a table or column drops the identity sequences only it used.</summary>
    private List<SqlStep> AfterDrop(MigrationOperation operation, SchemaModel before, TableModel table)
    {
        var (candidates, column) = operation switch
        {
            DropTableOperation => (table.Columns.SelectMany(c => DuckDbSequences.In(c.DefaultSql)), null),
            DropColumnOperation o => (DuckDbSequences.In(table.Columns.FirstOrDefault(c => _names.SameName(c.Name, o.Column))?.DefaultSql), o.Column),
            _ => ([], (string?)null),
        };
        if (operation is DropTableOperation or DropColumnOperation)
        {
            _constraintsChanged.Add(table.Name);
        }

        var stillUsed = before.Tables
            .SelectMany(t => t.Columns
                .Where(c => !(_names.Same(t.Name, table.Name) && (column is null || _names.SameName(c.Name, column))))
                .SelectMany(c => DuckDbSequences.In(c.DefaultSql)))
            .ToList();
        // Only a sequence the library made for an identity column goes: one the user made and named
        // in a default (nextval('order_id_seq')) stays, as it would on PostgreSQL.
        return candidates
            .Where(s => !stillUsed.Any(u => _names.Same(u, s)) && before.Sequences.Any(m => _names.Same(m.Name, s) && (m.ForIdentity || IsIdentityName(s, table, column))))
            .Distinct()
            .SelectMany(s => Native(new DropSequenceOperation(s)))
            .Select(s => s with { Comment = "sequence of a dropped identity column" })
            .ToList();
    }

    /// <summary>Why DuckDB blocks most ALTERs on a table: an explicit index, or being referenced by a foreign key (its own included).</summary>
    private string? Blocker(SchemaModel model, TableModel table)
    {
        if (table.Indexes.Count > 0)
        {
            return $"it has index {table.Indexes[0].Name}";
        }

        var child = model.Tables.FirstOrDefault(t => t.ForeignKeys.Any(f => _names.Same(f.PrincipalTable, table.Name)));
        return child is null ? null : _names.Same(child.Name, table.Name) ? "it references itself" : $"{child.Name} references it by a foreign key";
    }

    /// <summary>Why a column cannot be dropped or retyped in place: it is in a key, a foreign key or an index.</summary>
    private string? KeyRole(SchemaModel model, TableModel table, string column)
    {
        bool In(IEnumerable<string> columns) => columns.Any(c => _names.SameName(c, column));
        return table.PrimaryKey is { } pk && In(pk.Columns) ? $"\"{column}\" is in the primary key"
            : table.UniqueConstraints.FirstOrDefault(u => In(u.Columns)) is { } u ? $"\"{column}\" is in unique constraint {u.Name}"
            : ForeignKeyRole(model, table, column)
            ?? (table.Indexes.FirstOrDefault(i => In(i.Columns)) is { } i ? $"\"{column}\" is in index {i.Name}" : null);
    }

    /// <summary>DuckDB keeps an index for every key; it refuses to drop a column that comes before a key column.</summary>
    private string? KeyColumnAfter(TableModel table, string column)
    {
        var position = table.Columns.ToList().FindIndex(c => _names.SameName(c.Name, column));
        var keyColumns = (table.PrimaryKey?.Columns ?? []).Concat(table.UniqueConstraints.SelectMany(u => u.Columns)).Concat(table.ForeignKeys.SelectMany(f => f.Columns));
        var later = table.Columns.Skip(position + 1).FirstOrDefault(c => keyColumns.Any(k => _names.SameName(k, c.Name)));
        return later is null ? null : $"key column \"{later.Name}\" comes after it, and DuckDB's index on that key depends on column positions";
    }

    private string? ForeignKeyRole(SchemaModel model, TableModel table, string column) =>
        table.ForeignKeys.FirstOrDefault(f => f.Columns.Any(c => _names.SameName(c, column))) is { } own ? $"\"{column}\" is in foreign key {own.Name}"
        : model.Tables.SelectMany(t => t.ForeignKeys.Select(f => (t, f)))
            .FirstOrDefault(x => _names.Same(x.f.PrincipalTable, table.Name) && x.f.PrincipalColumns.Any(c => _names.SameName(c, column))) is { t: not null } referencing
            ? $"{referencing.t.Name} references \"{column}\""
            : null;

    /// <summary>
    /// Whether rows of the table may have been updated or deleted earlier in this migration, which
    /// makes DuckDB refuse in-place ALTERs of it ("Cannot create index with outstanding updates").
    /// </summary>
    private bool Changed(TableName table) =>
        _changedRows.Any(t => _names.Same(t, table)) || (_rawSqlRan && !_freshSinceRawSql.Any(t => _names.Same(t, table)));

    private bool DroppedIndex(TableName table) => _droppedIndexes.Any(t => _names.Same(t, table));

    private List<SqlStep> Native(MigrationOperation operation)
    {
        var steps = DuckDbSqlGenerator.Generate(operation).ToList();
        Track(operation);
        return steps;
    }

    private Task<SchemaModel> ModelAsync(CancellationToken cancellationToken) => _schema.CurrentAsync(cancellationToken);

    /// <summary>
    /// DuckDB keeps String(n) as VARCHAR and never checks the length, so a column shortened below
    /// its values would keep them without a word; PostgreSQL refuses. Refused here the same way.
    /// </summary>
    private static IEnumerable<SqlStep> LengthGuard(MigrationOperation operation, TableModel table)
    {
        if (operation is not AlterColumnTypeOperation { NewType: { Kind: ColumnTypeKind.String, Length: { } length } } o || o.Using is not null)
        {
            yield break;
        }

        var message = DataGuards.ValuesTooLong(table.Name, o.Column, length, $"DuckDB does not check String({length}) on later writes; PostgreSQL does.");
        yield return new SqlStep($"SELECT error({DuckDbSql.String(message)}) FROM {DuckDbSql.Quote(table.Name)} WHERE length(CAST({DuckDbSql.Quote(o.Column)} AS VARCHAR)) > {length} LIMIT 1")
        {
            Comment = $"no value of {table.Name}.{o.Column} may be longer than {length} characters",
        };
    }

    private static string Generated(IEnumerable<ColumnModel> columns) => string.Join(", ", columns.Select(c => $"{c.Name} (GENERATED ALWAYS AS ({c.GeneratedSql}))"));

    /// <summary>The enum type of a column: its store type is the quoted name of a type in the table's schema.</summary>
    private EnumModel? EnumOf(SchemaModel model, TableModel table, ColumnModel column) =>
        model.Enums.FirstOrDefault(e => _names.SameName(e.Name.Schema!, table.Name.Schema!) && column.StoreType == DuckDbSql.Quote(e.Name.Name));

    private void Track(MigrationOperation operation) => _schema.Track(operation);

    private static TableName IdentitySequence(TableName table, string column) => table with { Name = $"{table.Name}_{column}_seq" };

    /// <summary>Sequences made before they were marked are known by their name: table_column_seq.</summary>
    private bool IsIdentityName(TableName sequence, TableModel table, string? column) =>
        (column is null ? table.Columns.Select(c => c.Name) : [column]).Any(c => _names.Same(_names.Resolve(IdentitySequence(table.Name, c)), sequence));

    /// <summary>The sequence behind an identity column, marked as the library's so that it goes with its column and no other sequence does.</summary>
    private List<SqlStep> IdentitySequenceSteps(TableName table, string column)
    {
        var sequence = IdentitySequence(table, column);
        return [.. Native(new CreateSequenceOperation(sequence)), DuckDbSequences.MarkAsIdentity(_names.Resolve(sequence), _names.Resolve(table), column)];
    }

    private static ColumnDefinition AsSequenceDefault(TableName table, ColumnDefinition column) => column with
    {
        IsIdentity = false,
        IsNullable = false,
        Default = DefaultValue.Expression($"nextval({DuckDbSql.String(DuckDbSql.Quote(IdentitySequence(table, column.Name)))})"),
    };
}
