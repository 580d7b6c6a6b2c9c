using System.Data.Common;
using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Schema;
using static Migrations.Postgres.Dialect.PostgresSql;

namespace Migrations.Postgres.Dialect;

/// <summary>
/// Plans operations for PostgreSQL, which alters tables and constraints natively. The planner's
/// work is enum types (never "already exists", never a silent CASCADE, new values committed before
/// use) and typing data values for their columns.
/// </summary>
internal sealed class PostgresPlanner : IMigrationPlanner
{
    /// <summary>From this many rows on, data goes through COPY; fewer stay readable INSERTs in scripts.</summary>
    private const int CopyThreshold = 50;

    private readonly NameResolver _names;
    private readonly SchemaTracker _schema;
    private readonly List<TableName> _enumsCreatedHere = [];
    private readonly HashSet<TableName> _tablesCreatedInRun = [];
    private SafeRewritesOperation? _safe;
    private bool _ownLockTimeout;
    private readonly DbConnection _connection;
    private readonly PlanningContext _context;

    public PostgresPlanner(DbConnection connection, PlanningContext? context = null, PostgresConventions? conventions = null)
    {
        _connection = connection;
        _context = context ?? PlanningContext.None;
        var names = conventions ?? PostgresConventions.Instance;
        _names = new NameResolver(names);
        _schema = new SchemaTracker(ct => PostgresSchemaReader.ReadAsync(connection, ct), names);
    }

    public async Task<MigrationPlan> PlanAsync(IReadOnlyList<MigrationOperation> operations, CancellationToken cancellationToken)
    {
        _schema.StartPlan();
        _enumsCreatedHere.Clear();
        _safe = operations.OfType<SafeRewritesOperation>().FirstOrDefault();
        _ownLockTimeout = operations.Any(o => o is TimeoutsOperation { LockTimeout: not null });
        var steps = new List<SqlStep>();
        foreach (var operation in operations)
        {
            var planned = await PlanAsync(operation, cancellationToken).ConfigureAwait(false);
            steps.AddRange(planned.Select(s => s with { Source = operation }));
        }

        return new MigrationPlan(WithTimeouts(steps), IsExact: !_schema.UsedUncertainSchema) { LockRetries = _safe?.Retries ?? 0 };
    }

    /// <summary>
    /// Timeouts govern the whole migration, so they go first. Without a transaction SET LOCAL would
    /// not last, so they are set for the session and reset at the end.
    /// </summary>
    private static List<SqlStep> WithTimeouts(List<SqlStep> steps)
    {
        var timeouts = steps.Where(s => s.Source is TimeoutsOperation or SafeRewritesOperation).ToList();
        if (timeouts.Count == 0)
        {
            return steps;
        }

        var rest = steps.Where(s => s.Source is not (TimeoutsOperation or SafeRewritesOperation)).ToList();
        if (!rest.Any(s => s.RefusesTransaction))
        {
            return [.. timeouts, .. rest];
        }

        var session = timeouts.Select(t => t with { Sql = t.Sql.Replace("SET LOCAL ", "SET ", StringComparison.Ordinal) }).ToList();
        var resets = session.Select(t => t with { Sql = "RESET " + t.Sql["SET ".Length..t.Sql.IndexOf(' ', "SET ".Length)] });
        return [.. session, .. rest, .. resets];
    }

    private async Task<IReadOnlyList<SqlStep>> PlanAsync(MigrationOperation operation, CancellationToken cancellationToken)
    {
        if (SchemaChecks.Applies(operation))
        {
            // The same checks, and the same messages, as on DuckDB; after raw SQL, when the plan is made again.
            var model = await _schema.CurrentAsync(cancellationToken).ConfigureAwait(false);
            if (!_context.Resuming && !_schema.UsedUncertainSchema && SchemaChecks.Problem(operation, model, _names) is { } problem)
            {
                throw new MigrationPlanningException(operation, problem);
            }

            operation = EnumSeedValues.Resolve(operation, model, _names, (table, column) => EnumOf(model, table, column), _context);
        }

        if (_safe is not null && operation is ITableOperation { Table: var table } && !_tablesCreatedInRun.Contains(_names.Resolve(table)) &&
            await PostgresSafeRewrites.RewriteAsync(operation, BuildIndexAsync(cancellationToken)).ConfigureAwait(false) is { } safe)
        {
            return Track(operation, safe);
        }

        switch (operation)
        {
            case SafeRewritesOperation o:
                // Its lock timeout, unless the migration sets its own.
                return ReferenceEquals(_safe, o) && !_ownLockTimeout ? PostgresSqlGenerator.Generate(new TimeoutsOperation(o.LockTimeout, null)).ToList() : [];
            case CreateTableOperation o:
                _tablesCreatedInRun.Add(_names.Resolve(o.Table));
                return Track(o, PostgresSqlGenerator.Generate(o));
            case InsertDataOperation o:
                var types = await ColumnTypesAsync(o.Table, cancellationToken).ConfigureAwait(false);
                var load = o.Rows.Count >= CopyThreshold ? [PostgresCopy.Load(o, () => PostgresSqlGenerator.Data(types).Insert(o))] : PostgresSqlGenerator.Data(types).Insert(o);
                // After explicit ids, sequences behind integer columns must continue past them.
                var resets = o.Columns.Where(c => types(c) is "smallint" or "integer" or "bigint").Select(c => PostgresCopy.ResetSequence(_names.Resolve(o.Table), c));
                return Track(o, [.. load, .. resets]);
            case UpdateDataOperation o:
                return Track(o, [PostgresSqlGenerator.Data(await ColumnTypesAsync(o.Table, cancellationToken).ConfigureAwait(false)).Update(o)]);
            case DeleteDataOperation o:
                return Track(o, [PostgresSqlGenerator.Data(await ColumnTypesAsync(o.Table, cancellationToken).ConfigureAwait(false)).Delete(o)]);
            case IEnumTypeOperation:
                return await PlanEnumAsync(operation, cancellationToken).ConfigureAwait(false);
            case CreateIndexOperation { Concurrently: true } o:
                return Track(o, await BuildIndexAsync(cancellationToken)(o).ConfigureAwait(false));
            default:
                return Track(operation, PostgresSqlGenerator.Generate(operation));
        }
    }

    private async Task<IReadOnlyList<SqlStep>> PlanEnumAsync(MigrationOperation operation, CancellationToken cancellationToken)
    {
        var model = await _schema.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var type = _names.Resolve(((IEnumTypeOperation)operation).Type);
        var current = model.Enums.FirstOrDefault(e => _names.Same(e.Name, type));
        if (operation is CreateEnumOperation create)
        {
            if (!EnumTypeRules.MustCreate(create, current))
            {
                return [];
            }

            if (_names.FindTable(model, type) is not null)
            {
                throw new MigrationPlanningException(create, $"A table named {type} exists, and every PostgreSQL table has a row type of its name: give the enum another name.");
            }

            _enumsCreatedHere.Add(type);
            return Track(create, PostgresSqlGenerator.Generate(create));
        }

        current = EnumTypeRules.Existing(operation, current, type);
        var users = Users(model, current);
        if (operation is DropEnumOperation drop)
        {
            EnumTypeRules.CheckDrop(drop, current, users.Select(u => $"{u.Table}.{u.Column.Name}").ToArray());
            return Track(drop, PostgresSqlGenerator.Generate(drop));
        }

        if (EnumTypeRules.NewValues(operation, current) is null)
        {
            return [];
        }

        switch (operation)
        {
            case AddEnumValueOperation add:
                // A value added in a transaction cannot be used before that transaction commits: commit it first.
                var early = !_enumsCreatedHere.Any(e => _names.Same(e, type));
                return Track(add, PostgresSqlGenerator.Generate(add).Select(s => s with
                {
                    RunsBeforeTransaction = early,
                    Comment = early ? "committed before the migration's transaction, so that the migration can use the new value" : null,
                }));
            case DropEnumValueOperation dropValue:
                return Track(dropValue, DropValue(dropValue, current, users));
            default:
                return Track(operation, PostgresSqlGenerator.Generate(operation));
        }
    }

    /// <summary>PostgreSQL has no DROP VALUE: swap in a type without it, column by column, then take the old name.</summary>
    private static List<SqlStep> DropValue(DropEnumValueOperation o, EnumModel current, IReadOnlyList<(TableName Table, ColumnModel Column)> users)
    {
        var replacement = current.Name with { Name = $"{current.Name.Name}__migrations_new" };
        var steps = new List<SqlStep>
        {
            new($"CREATE TYPE {Quote(replacement)} AS ENUM ({string.Join(", ", current.Values.Where(v => v != o.Value).Select(PostgresSql.String))})")
            {
                Comment = $"PostgreSQL cannot drop an enum value: swap {current.Name} for a type without '{o.Value}'",
            },
        };
        foreach (var (table, column) in users)
        {
            var message = DataGuards.DroppedEnumValue(table, column.Name, o.Value, current.Name);
            steps.Add(new SqlStep($"DO $migrations$ BEGIN IF EXISTS (SELECT 1 FROM {Quote(table)} WHERE {Quote(column.Name)}::text = {PostgresSql.String(o.Value)}) THEN RAISE EXCEPTION '%', {PostgresSql.String(message)}; END IF; END $migrations$"));
            if (column.DefaultSql is not null)
            {
                steps.Add(new SqlStep($"ALTER TABLE {Quote(table)} ALTER COLUMN {Quote(column.Name)} DROP DEFAULT"));
            }

            steps.Add(new SqlStep($"ALTER TABLE {Quote(table)} ALTER COLUMN {Quote(column.Name)} TYPE {Quote(replacement)} USING {Quote(column.Name)}::text::{Quote(replacement)}"));
        }

        steps.Add(new SqlStep($"DROP TYPE {Quote(current.Name)}"));
        steps.Add(new SqlStep($"ALTER TYPE {Quote(replacement)} RENAME TO {Quote(current.Name.Name)}"));
        steps.AddRange(users.Where(u => u.Column.DefaultSql is not null).Select(u =>
            new SqlStep($"ALTER TABLE {Quote(u.Table)} ALTER COLUMN {Quote(u.Column.Name)} SET DEFAULT {u.Column.DefaultSql}")));
        return steps;
    }

    /// <summary>Columns of the enum type: pg_catalog spells it bare, quoted or schema-qualified.</summary>
    private List<(TableName Table, ColumnModel Column)> Users(SchemaModel model, EnumModel type) =>
        model.Tables
            .SelectMany(t => t.Columns.Where(c => EnumOf(model, t, c) == type).Select(c => (Table: t.Name, Column: c)))
            .ToList();

    /// <summary>
    /// The enum type of a column: PostgreSQL spells it qualified unless it is visible on the search
    /// path, so an unqualified name is the type of the table's schema or else of the default schema.
    /// </summary>
    private EnumModel? EnumOf(SchemaModel model, TableModel table, ColumnModel column)
    {
        var type = column.StoreType.Replace("\"", "", StringComparison.Ordinal);
        return model.Enums.FirstOrDefault(e => type == $"{e.Name.Schema}.{e.Name.Name}")
            ?? model.Enums.FirstOrDefault(e => type == e.Name.Name && _names.SameName(table.Name.Schema!, e.Name.Schema!))
            ?? model.Enums.FirstOrDefault(e => type == e.Name.Name && _names.SameName(_names.Resolve(new TableName(type)).Schema!, e.Name.Schema!))
            ?? model.Enums.FirstOrDefault(e => type == e.Name.Name && _names.SameName(PostgresSql.DefaultSchema, e.Name.Schema!));
    }

    /// <summary>A concurrent index build; a failed earlier build leaves an INVALID index behind, which IF NOT EXISTS would keep, so it is dropped first.</summary>
    private Func<CreateIndexOperation, Task<IReadOnlyList<SqlStep>>> BuildIndexAsync(CancellationToken cancellationToken) => async o =>
    {
        if (!await IsInvalidIndexAsync(o, cancellationToken).ConfigureAwait(false))
        {
            return PostgresSqlGenerator.Generate(o).ToList();
        }

        var drop = PostgresSqlGenerator.Generate(new DropIndexOperation(o.Table, o.Name) { Concurrently = true })
            .Select(s => s with { Comment = $"index {o.Name} was left invalid by an earlier failed build: drop it and build again" });
        return [.. drop, .. PostgresSqlGenerator.Generate(o)];
    };

    private async Task<bool> IsInvalidIndexAsync(CreateIndexOperation o, CancellationToken cancellationToken)
    {
        var index = _names.Resolve(o.Table);
        await using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT count(*) FROM pg_catalog.pg_index i
              JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = $1 AND c.relname = $2 AND NOT i.indisvalid
            """;
        foreach (var value in new[] { index.Schema!, o.Name })
        {
            var parameter = command.CreateParameter();
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private async Task<Func<string, string?>> ColumnTypesAsync(TableName table, CancellationToken cancellationToken)
    {
        var model = await _schema.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var columns = _names.FindTable(model, table)?.Columns ?? [];
        return column => columns.FirstOrDefault(c => _names.SameName(c.Name, column))?.StoreType;
    }

    private List<SqlStep> Track(MigrationOperation operation, IEnumerable<SqlStep> steps)
    {
        var list = steps.ToList();
        _schema.Track(operation);
        return list;
    }
}
