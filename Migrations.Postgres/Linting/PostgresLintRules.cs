using System.Globalization;
using System.Text.RegularExpressions;
using Migrations.Linting;
using Migrations.Operations;

namespace Migrations.Postgres.Linting;

/// <summary>
/// PostgreSQL's safety rules: statements that hold a lock on a table with rows for as long as
/// the table takes to scan, rewrite or index, and choices that are costly to undo later. Each
/// fires only for tables the database had before the run (a table made in the same run is empty).
/// </summary>
public static partial class PostgresLintRules
{
    private const string BlocksWrites = "It blocks every write to the table (and with ACCESS EXCLUSIVE, every read) until it has gone through all rows, which on a large table is an outage.";

    /// <summary>CREATE INDEX without CONCURRENTLY.</summary>
    public static LintRule CreateIndex { get; } = LintRule.Create("PG101", LintSeverity.Error,
        "CREATE INDEX holds a SHARE lock for the whole build: no row of the table can be inserted, updated or deleted meanwhile.",
        "CreateIndex(..., concurrently: true), in a migration of its own (it runs outside a transaction).",
        (operation, scope) => operation is CreateIndexOperation { Concurrently: false } o && !scope.IsNew(o.Table) ? $"builds index {o.Name} on {o.Table} without CONCURRENTLY." : null);

    /// <summary>DROP INDEX without CONCURRENTLY.</summary>
    public static LintRule DropIndex { get; } = LintRule.Create("PG102", LintSeverity.Warning,
        "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table, so it waits behind every running query and every query after it waits behind it.",
        "DropIndex(..., concurrently: true), in a migration of its own.",
        (operation, scope) => operation is DropIndexOperation { Concurrently: false } o && !scope.IsNew(o.Table) ? $"drops index {o.Name} on {o.Table} without CONCURRENTLY." : null);

    /// <summary>ADD FOREIGN KEY that is validated at once.</summary>
    public static LintRule AddForeignKey { get; } = LintRule.Create("PG103", LintSeverity.Error,
        "Adding a foreign key checks every existing row while holding a SHARE ROW EXCLUSIVE lock on both tables: writes to either wait for the whole scan. " + BlocksWrites,
        SafeForm + "adds it NOT VALID (new rows are checked at once, no scan) and validates it in a step of its own, which scans without blocking writes.",
        (operation, scope) => operation is AddForeignKeyOperation o && !scope.IsNew(o.Table) && !Rewritten(scope) ? $"adds foreign key {o.ForeignKey.Name} to {o.Table} and validates every row under the lock." : null);

    /// <summary>ADD CHECK that is validated at once.</summary>
    public static LintRule AddCheck { get; } = LintRule.Create("PG104", LintSeverity.Error,
        "Adding a check scans every row under an ACCESS EXCLUSIVE lock. " + BlocksWrites,
        SafeForm + "adds it NOT VALID and validates it in a step of its own, which scans without blocking reads or writes.",
        (operation, scope) => operation is AddCheckConstraintOperation o && !scope.IsNew(o.Table) && !Rewritten(scope) ? $"adds check {o.Constraint.Name} to {o.Table} and validates every row under the lock." : null);

    /// <summary>SET NOT NULL on an existing table.</summary>
    public static LintRule SetNotNull { get; } = LintRule.Create("PG105", LintSeverity.Error,
        "SET NOT NULL scans every row under an ACCESS EXCLUSIVE lock unless a validated check already proves the column has no NULL. " + BlocksWrites,
        SafeForm + "adds CHECK (column IS NOT NULL) NOT VALID, validates it in a step of its own, then sets NOT NULL (which skips the scan) and drops the check.",
        (operation, scope) => operation is AlterColumnNullabilityOperation { IsNullable: false } o && !scope.IsNew(o.Table) && !Rewritten(scope) ? $"sets {o.Table}.{o.Column} NOT NULL, scanning every row under the lock." : null);

    /// <summary>A change of type that rewrites the table.</summary>
    public static LintRule RewritingTypeChange { get; } = LintRule.Create("PG106", LintSeverity.Error,
        "This change of type rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock. " + BlocksWrites,
        "Add a column of the new type, fill it in batches while the code writes both, switch the code to it, then drop the old column in a later release.",
        (operation, scope) => operation is AlterColumnTypeOperation o && !scope.IsNew(o.Table) && Rewrites(scope.StoreTypeBefore(o.Table, o.Column), o)
            ? $"changes {o.Table}.{o.Column} from {scope.StoreTypeBefore(o.Table, o.Column) ?? "its type"} to {PostgresTypes(o.NewType)}, which rewrites the table." : null);

    /// <summary>ADD UNIQUE or PRIMARY KEY on an existing table.</summary>
    public static LintRule AddUnique { get; } = LintRule.Create("PG107", LintSeverity.Error,
        "Adding a unique constraint or primary key builds its index under an ACCESS EXCLUSIVE lock. " + BlocksWrites,
        SafeForm + "builds the unique index concurrently, then adds the constraint USING INDEX, which takes the lock only for a moment. A primary key has no safe form here: build a unique index concurrently and add the key with Sql(\"... PRIMARY KEY USING INDEX ...\").",
        (operation, scope) => operation switch
        {
            AddUniqueConstraintOperation o when !scope.IsNew(o.Table) && !Rewritten(scope) => $"adds unique constraint {o.Constraint.Name} to {o.Table}, building its index under the lock.",
            AddPrimaryKeyOperation o when !scope.IsNew(o.Table) => $"adds primary key {o.PrimaryKey.Name} to {o.Table}, building its index under the lock.",
            _ => null,
        });

    /// <summary>ADD COLUMN that writes every row.</summary>
    public static LintRule RewritingAddColumn { get; } = LintRule.Create("PG108", LintSeverity.Error,
        "A column whose value differs row by row (a volatile default, an identity, a backfill) is written into every row under an ACCESS EXCLUSIVE lock. " + BlocksWrites,
        "Add the column without a default (or with a constant one, which costs nothing), fill it in batches from the code or later migrations, then set the default.",
        (operation, scope) => operation is AddColumnOperation o && !scope.IsNew(o.Table) && RowByRow(o) is { } what ? $"adds {o.Table}.{o.Column.Name} with {what}, writing every row under the lock." : null);

    /// <summary>An enum value appended without saying where.</summary>
    public static LintRule EnumValueOrder { get; } = LintRule.Create("PG109", LintSeverity.Info,
        "Enum values sort in the order of the type, not by name: ORDER BY, < and > on the column see the new value last.",
        "Give AddEnumValue(..., before: or after:) when the order means something (levels, stages); leave it when it does not.",
        (operation, _) => operation is AddEnumValueOperation { Before: null, After: null } o ? $"appends '{o.Value}' to {o.Type} after every existing value." : null);

    /// <summary>Locks taken without a lock timeout.</summary>
    public static LintRule NoLockTimeout { get; } = LintRule.Create("PG110", LintSeverity.Warning,
        "A statement waiting for its lock behind one long query makes every later query on the table wait behind it: without a lock timeout a migration can stall the application for as long as that query runs.",
        "Call SafeRewrites() in the migration (a lock timeout, and retries when it expires), or start it with Timeouts(lockTimeout: TimeSpan.FromSeconds(5)).",
        (operation, scope) => LocksTable(operation) is { } table && !scope.IsNew(table) && !scope.Migration.Any(m => m is TimeoutsOperation { LockTimeout: not null } or SafeRewritesOperation)
            ? $"locks {table} with no lock timeout set in the migration." : null,
        oncePerMigration: true);

    /// <summary>varchar(n) columns.</summary>
    public static LintRule BoundedText { get; } = LintRule.Create("PG111", LintSeverity.Info,
        "On PostgreSQL varchar(n) stores and performs like text; the limit only refuses longer values, and raising it past a view or index that uses it is a migration of its own.",
        "String() (text), with a check on length(column) where a limit is a real rule.",
        (operation, _) => operation switch
        {
            CreateTableOperation o when o.Columns.FirstOrDefault(c => c.Type is { Kind: ColumnTypeKind.String, Length: not null }) is { } c => $"declares {o.Table}.{c.Name} as varchar({c.Type.Length}).",
            AddColumnOperation { Column.Type: { Kind: ColumnTypeKind.String, Length: { } length } } o => $"declares {o.Table}.{o.Column.Name} as varchar({length}).",
            _ => null,
        });

    /// <summary>32-bit primary keys.</summary>
    public static LintRule SmallPrimaryKey { get; } = LintRule.Create("PG112", LintSeverity.Warning,
        "An integer key runs out at 2,147,483,647 rows ever inserted, and widening it later rewrites the table and every table that references it.",
        "Int64() for keys and identities.",
        (operation, _) => operation switch
        {
            CreateTableOperation o when o.PrimaryKey is { } pk && o.Columns.FirstOrDefault(c => pk.Columns.Contains(c.Name) && c.Type.Kind is ColumnTypeKind.Int32 or ColumnTypeKind.Int16) is { } c =>
                $"makes {o.Table}.{c.Name}, a {c.Type.Kind} column, its primary key.",
            AddColumnOperation { Column: { IsIdentity: true, Type.Kind: ColumnTypeKind.Int32 or ColumnTypeKind.Int16 } } o => $"adds {o.Table}.{o.Column.Name} as a {o.Column.Type.Kind} identity.",
            _ => null,
        });

    private const string SafeForm = "Call SafeRewrites() in the migration (or set SafeRewrites in the runner's options): the runner then ";

    /// <summary>Whether the migration asks for the safe forms, which the runner then uses for this change.</summary>
    private static bool Rewritten(LintScope scope) => scope.Migration.Any(o => o is SafeRewritesOperation);

    /// <summary>The rules, in id order.</summary>
    public static IReadOnlyList<LintRule> All { get; } =
        [CreateIndex, DropIndex, AddForeignKey, AddCheck, SetNotNull, RewritingTypeChange, AddUnique, RewritingAddColumn, EnumValueOrder, NoLockTimeout, BoundedText, SmallPrimaryKey];

    /// <summary>The existing table an operation locks against writes, or null (new tables, data changes, concurrent index builds).</summary>
    private static TableName? LocksTable(MigrationOperation operation) => operation switch
    {
        CreateIndexOperation { Concurrently: true } or DropIndexOperation { Concurrently: true } => null,
        CreateTableOperation or InsertDataOperation or UpdateDataOperation or DeleteDataOperation => null,
        ITableOperation o => o.Table,
        _ => null,
    };

    private static string PostgresTypes(ColumnType type) => Dialect.PostgresTypes.StoreType(type);

    /// <summary>Whether PostgreSQL rewrites the table to change a column from <paramref name="before"/> to the new type (it does not for widening text and numeric limits).</summary>
    private static bool Rewrites(string? before, AlterColumnTypeOperation o)
    {
        if (before is null || o.Using is not null)
        {
            return o.Using is not null;
        }

        var after = PostgresTypes(o.NewType);
        if (before == after)
        {
            return false;
        }

        var isText = before is "text" or "character varying" || before.StartsWith("character varying(", StringComparison.Ordinal);
        if (after is "text" or "character varying")
        {
            return !isText;
        }

        if (Limit().Match(before) is { Success: true } old && Limit().Match(after) is { Success: true } wider && old.Groups["kind"].Value == wider.Groups["kind"].Value)
        {
            // varchar(n) to varchar(m >= n), numeric(p,s) to numeric(q >= p, s): only the catalog changes.
            return Number(wider, "length") < Number(old, "length") || old.Groups["scale"].Value != wider.Groups["scale"].Value;
        }

        return true;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static string? RowByRow(AddColumnOperation o) =>
        o.Column.IsIdentity ? "an identity"
        : o.Backfill?.Sql is { } backfill ? $"the backfill {backfill} (an UPDATE of every row)"
        : o.Column.Default?.Sql is { } sql && Volatile().IsMatch(sql) ? $"the volatile default {sql}"
        : null;

    [GeneratedRegex(@"^(?<kind>character varying|numeric)\((?<length>\d+)(,(?<scale>\d+))?\)$")]
    private static partial Regex Limit();

    [GeneratedRegex(@"\b(random|gen_random_uuid|uuid_generate_v\d\w*|clock_timestamp|timeofday|nextval|txid_current|statement_timestamp)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex Volatile();
}
