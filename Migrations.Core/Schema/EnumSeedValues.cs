using System.Numerics;
using Migrations.Dialects;
using Migrations.Operations;

namespace Migrations.Schema;

/// <summary>
/// Values for enum columns in data operations, settled before any SQL: C# enum members and whole
/// numbers become labels (numbers through the C# enum the type was declared from), and a value
/// that is not a label is refused with the column, row, value and labels named, the same way
/// whichever path (INSERT, COPY, appender) the rows would take.
/// </summary>
internal static class EnumSeedValues
{
    /// <summary>The operation with its enum values as labels; the same instance when nothing changes.</summary>
    /// <param name="operation">An insert, update or delete; other operations are returned as they are.</param>
    /// <param name="model">The schema as the operations before this one leave it.</param>
    /// <param name="names">The dialect's name rules.</param>
    /// <param name="enumOf">The enum type of a column, or null when it is not of an enum type.</param>
    /// <param name="context">The run's declared C# enums, for types created in an earlier run.</param>
    /// <exception cref="MigrationPlanningException">A value is not one of the type's labels.</exception>
    public static MigrationOperation Resolve(MigrationOperation operation, SchemaModel model, NameResolver names, Func<TableModel, ColumnModel, EnumModel?> enumOf, PlanningContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(enumOf);
        ArgumentNullException.ThrowIfNull(context);
        if (operation is not ITableOperation { Table: var tableName } || names.FindTable(model, tableName) is not { } table)
        {
            return operation;
        }

        EnumColumn? Find(string column) =>
            table.Columns.FirstOrDefault(c => names.SameName(c.Name, column)) is { } found && enumOf(table, found) is { } type
                ? new EnumColumn(operation, $"{table.Name.Name}.{found.Name}", type, type.ClrType ?? context.ClrTypeOf(type.Name, names))
                : null;

        return operation switch
        {
            InsertDataOperation o => Insert(o, o.Columns.Select(Find).ToArray()),
            UpdateDataOperation o when (Values(o.Set, Find, "the new value"), Values(o.Where, Find, "the row filter")) is var (set, where) && (set != o.Set || where != o.Where) =>
                o with { Set = set, Where = where },
            DeleteDataOperation o when Values(o.Where, Find, "the row filter") is var where && where != o.Where => o with { Where = where },
            _ => operation,
        };
    }

    private static InsertDataOperation Insert(InsertDataOperation o, EnumColumn?[] columns)
    {
        if (columns.All(c => c is null))
        {
            return o;
        }

        if (o.Rows is StreamedRows streamed)
        {
            // Every value is checked now, before anything runs; the labels are put in as the rows are read.
            var r = 0;
            var anyChanged = false;
            foreach (var row in streamed)
            {
                anyChanged |= Labelled(row, columns, ++r) != row;
            }

            return anyChanged ? o with { Rows = streamed.Select((row, index) => Labelled(row, columns, index + 1)) } : o;
        }

        IReadOnlyList<object?>[]? changed = null;
        for (var r = 0; r < o.Rows.Count; r++)
        {
            var row = o.Rows[r];
            if (Labelled(row, columns, r + 1) is var labelled && labelled != row)
            {
                changed ??= [.. o.Rows];
                changed[r] = labelled;
            }
        }

        return changed is null ? o : o with { Rows = changed };
    }

    /// <summary>The row with enum numbers replaced by their labels; the row itself when none is.</summary>
    private static IReadOnlyList<object?> Labelled(IReadOnlyList<object?> row, EnumColumn?[] columns, int number)
    {
        object?[]? copy = null;
        for (var i = 0; i < columns.Length && i < row.Count; i++)
        {
            if (columns[i] is { } column && column.Label(row[i], $"row {number}") is var label && !Equals(label, row[i]))
            {
                copy ??= [.. row];
                copy[i] = label;
            }
        }

        return copy ?? row;
    }

    private static IReadOnlyList<ColumnValue> Values(IReadOnlyList<ColumnValue> values, Func<string, EnumColumn?> find, string what)
    {
        var labelled = values.Select(v => find(v.Column) is { } column && column.Label(v.Value, what) is var label && !Equals(label, v.Value) ? v with { Value = label } : v).ToArray();
        return labelled.SequenceEqual(values) ? values : labelled;
    }

    /// <summary>One enum column of the operation's table, with the C# enum that maps numbers to labels if one is known.</summary>
    private sealed class EnumColumn(MigrationOperation operation, string name, EnumModel type, Type? clrType)
    {
        private readonly HashSet<string> _labels = new(type.Values, StringComparer.Ordinal);

        public object? Label(object? value, string where) => value switch
        {
            null => null,
            string text => _labels.Contains(text) ? text : Fail(where, $"\"{text}\"", "which is not one of them: use one of the labels, or add it with AddEnumValue first"),
            char c => Label(c.ToString(), where),
            Enum member => Member(member, where),
            sbyte or byte or short or ushort or int or uint or long or ulong or BigInteger => Number((decimal)Convert.ChangeType(value is BigInteger big ? (decimal)big : value, typeof(decimal), System.Globalization.CultureInfo.InvariantCulture), where),
            _ => Fail(where, $"{value} ({value.GetType().Name})", "which is not a label: give the label as a string"),
        };

        private string Member(Enum member, string where)
        {
            var label = ClrEnumNames.Label(member);
            return label is null
                ? Fail(where, $"{member.GetType().Name} {member}", $"which is no member of {ClrEnumNames.Describe(member.GetType())}")
                : _labels.Contains(label) ? label : Fail(where, $"{member.GetType().Name}.{member} (label \"{label}\")", "which is not one of them: add the label with AddEnumValue first");
        }

        private string Number(decimal number, string where)
        {
            if (clrType is null)
            {
                return Fail(where, $"the number {number}",
                    $"and enum {type.Name.Name} was not declared from a C# enum, so a number names no label: write the label, or create the type with CreateEnum<TEnum>() so that numbers map to the names of the enum's members");
            }

            var label = ClrEnumNames.Label(clrType, number);
            return label is null
                ? Fail(where, $"the number {number}", $"which is no member of {ClrEnumNames.Describe(clrType)}")
                : _labels.Contains(label) ? label : Fail(where, $"the number {number} ({clrType.Name} label \"{label}\")", "which is not one of them: add the label with AddEnumValue first");
        }

        private string Fail(string where, string found, string why) => throw new MigrationPlanningException(operation,
            $"Column {name} is enum {type.Name.Name} ({string.Join(", ", type.Values.Select(v => $"'{v}'"))}); {where} has {found}, {why}.");
    }
}
