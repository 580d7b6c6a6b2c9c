using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.Checks;

/// <summary>
/// What is wrong with an operation whatever the database: names, types, defaults, the shape of
/// data. Run on every operation before any SQL, so that DuckDB and PostgreSQL refuse the same
/// input with the same message.
/// </summary>
internal static class OperationChecks
{
    public static IEnumerable<string> Problems(MigrationOperation operation) =>
        IdentifierChecks.Problems(operation).Concat(Specific(operation));

    private static IEnumerable<string> Specific(MigrationOperation operation)
    {
        switch (operation)
        {
            case CreateTableOperation o:
                return Columns(o.Columns).Concat(Duplicates("column", o.Columns.Select(c => c.Name)))
                    .Concat(o.Columns.Count == 0 ? ["A table needs at least one column: add one with .Column(...)."] : []);
            case AddColumnOperation o:
                return Columns([o.Column]).Concat(o.Backfill is null ? [] : DefaultProblems(o.Column.Name, o.Column.Type, o.Backfill, "backfill"));
            case AlterColumnTypeOperation o:
                return ValueChecks.TypeProblem(o.NewType) is { } problem ? [problem] : [];
            case AlterColumnDefaultOperation o when o.Default is { Value: { } value } && !ValueChecks.IsSupported(value):
                return [$"The default of column \"{o.Column}\" is {ValueChecks.Describe(value)}: a default is a number, string, bool, date or time, Guid or byte[]; use DefaultSql(\"...\") for an expression."];
            case CreateIndexOperation o:
                return Duplicates("column", o.Columns).Concat(o.Columns.Count == 0 ? ["An index needs at least one column."] : []);
            case SqlOperation { Sql: var sql } when string.IsNullOrWhiteSpace(sql):
                return ["The SQL is empty: write the statement to run, or remove the Sql(...) call."];
            case SafeRewritesOperation o:
                return Timeout("lock timeout", o.LockTimeout).Concat(o.Retries is < 0 or > 20 ? [$"SafeRewrites retries is {o.Retries}: give 0 to 20 further attempts."] : []);
            case TimeoutsOperation o:
                return Timeout("lock timeout", o.LockTimeout).Concat(Timeout("statement timeout", o.StatementTimeout));
            case InsertDataOperation o:
                return InsertProblems(o);
            case UpdateDataOperation { Where.Count: 0 } or DeleteDataOperation { Where.Count: 0 }:
                return ["No row filter was given, so every row would change. Pass the columns that select the rows, or use Sql(...) for a whole-table change."];
            case UpdateDataOperation o:
                return Unsupported(o.Set.Concat(o.Where).Select(v => (v.Column, v.Value)));
            case DeleteDataOperation o:
                return Unsupported(o.Where.Select(v => (v.Column, v.Value)));
            case CreateEnumOperation { ClrType: { } clr } when ClrEnumNames.Problem(clr) is { } enumProblem:
                return [enumProblem];
            case CreateEnumOperation o:
                return EnumLabels(o.Values).Concat(Duplicates("value", o.Values, StringComparer.Ordinal));
            case AddEnumValueOperation o:
                return EnumLabels([o.Value]);
            case RenameEnumValueOperation o:
                return EnumLabels([o.Value, o.NewValue]);
            case AddForeignKeyOperation { ForeignKey: var key } when key.Columns.Count != key.PrincipalColumns.Count:
                return [$"The foreign key names {key.Columns.Count} column(s) ({string.Join(", ", key.Columns)}) but {key.PrincipalColumns.Count} referenced column(s) ({string.Join(", ", key.PrincipalColumns)}): give one referenced column for each column."];
            case CreateSequenceOperation { IncrementBy: 0 }:
                return ["A sequence cannot increment by 0: use 1 (or another step)."];
            default:
                return [];
        }
    }

    private static IEnumerable<string> Columns(IEnumerable<ColumnDefinition> columns)
    {
        foreach (var column in columns)
        {
            if (column.Type is null)
            {
                yield return $"Column \"{column.Name}\" has no type: give it one, for example c.Int64() or c.String().";
                continue;
            }

            if (ValueChecks.TypeProblem(column.Type) is { } type)
            {
                yield return $"Column \"{column.Name}\": {type}";
            }

            if (column.IsIdentity && column.Type.Kind is not (ColumnTypeKind.Int16 or ColumnTypeKind.Int32 or ColumnTypeKind.Int64))
            {
                yield return $"Identity column \"{column.Name}\" is {column.Type}: identity columns must be Int16, Int32 or Int64.";
            }

            foreach (var problem in DefaultProblems(column.Name, column.Type, column.Default, "default"))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> DefaultProblems(string column, ColumnType type, DefaultValue? value, string what)
    {
        if (value is { Value: { } constant } && !ValueChecks.IsSupported(constant))
        {
            yield return $"The {what} of column \"{column}\" is {ValueChecks.Describe(constant)}: it must be a number, string, bool, date or time, Guid or byte[]; use DefaultSql(\"...\") for an expression.";
        }
        else if (ValueChecks.DefaultProblem(column, type, value, what) is { } problem)
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> InsertProblems(InsertDataOperation o)
    {
        if (o.Columns.Count == 0)
        {
            yield return "No columns were named: name the columns the values are for.";
            yield break;
        }

        foreach (var problem in Duplicates("column", o.Columns))
        {
            yield return problem;
        }

        // Read in order, once: rows given as a sequence are produced as they are read.
        var r = -1;
        foreach (var row in o.Rows)
        {
            r++;
            if (row is null || row.Count != o.Columns.Count)
            {
                // Row numbers count from 1, as a person reading the data would.
                yield return $"Row {r + 1} has {row?.Count ?? 0} values for {o.Columns.Count} columns ({string.Join(", ", o.Columns)}): give exactly one value per column (null for NULL).";
                yield break;
            }

            if (row is object?[] values && Array.TrueForAll(values, ValueChecks.IsSupported))
            {
                // Rows are nearly always arrays: checked without a call through the interface per value.
                continue;
            }

            for (var c = 0; c < row.Count; c++)
            {
                if (!ValueChecks.IsSupported(row[c]))
                {
                    yield return $"Row {r + 1}, column \"{o.Columns[c]}\" holds {ValueChecks.Describe(row[c]!)}: a value is a number, string, bool, date or time, Guid, byte[] or null.";
                    yield break;
                }
            }
        }
    }

    private static IEnumerable<string> Unsupported(IEnumerable<(string Column, object? Value)> values) =>
        values.Where(v => !ValueChecks.IsSupported(v.Value))
            .Select(v => $"Column \"{v.Column}\" is given {ValueChecks.Describe(v.Value!)}: a value is a number, string, bool, date or time, Guid, byte[] or null.");

    private static IEnumerable<string> Timeout(string what, TimeSpan? value) =>
        value is { } t && t <= TimeSpan.Zero ? [$"The {what} is {t}: give a positive time, or leave it out for none."] : [];

    private static IEnumerable<string> EnumLabels(IEnumerable<string?> labels) =>
        labels.Where(string.IsNullOrEmpty).Take(1).Select(_ => "An enum value is empty: give every value a label.");

    /// <summary>Names compare ignoring case by default, as DuckDB compares them, so that input valid on one database is valid on both.</summary>
    private static IEnumerable<string> Duplicates(string what, IEnumerable<string?> names, StringComparer? comparer = null) =>
        names.Where(n => n is not null).GroupBy(n => n!, comparer ?? StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"The {what} \"{g.Key}\" is named {g.Count()} times: name each once.");
}
