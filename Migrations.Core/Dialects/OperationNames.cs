using System.Collections;
using System.Reflection;
using Migrations.Operations;

namespace Migrations.Dialects;

/// <summary>
/// Every name an operation carries (tables, schemas, columns, constraints, indexes, sequences,
/// types), found by walking the operation's record, so that an operation added later is covered
/// too. For checks on names, such as a database's length limit.
/// </summary>
internal static class OperationNames
{
    // Text that is SQL or an enum label, not a name.
    private static readonly HashSet<string> NotNames = ["Sql", "Expression", "Using"];
    private static readonly HashSet<string> EnumLabels = ["Value", "NewValue", "Before", "After", "Values"];

    /// <summary>The names in <paramref name="operation"/>, each with words for it in messages ("column name", "index name").</summary>
    /// <param name="operation">The operation.</param>
    public static IEnumerable<(string What, string? Name)> Of(MigrationOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Names(operation, owner: null);
    }

    // Every operation of every migration is checked on each run, twice (blank names, the database's
    // length limit): what each property holds, and the words for it, are worked out once per type.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, NameProperty[]> NameProperties = new();

    /// <summary>What a property of a record holds, as far as names go.</summary>
    private enum Holds
    {
        Name,
        TableName,
        Names,
        Records,
        Record,
    }

    /// <summary>A property that may hold names; <paramref name="What"/> is null when the words depend on the record's owner.</summary>
    private sealed record NameProperty(PropertyInfo Property, Holds Holds, string? What);

    private static NameProperty[] PropertiesThatMayHoldNames(Type type)
    {
        var found = new List<NameProperty>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract" || NotNames.Contains(property.Name) ||
                (typeof(IEnumTypeOperation).IsAssignableFrom(type) && EnumLabels.Contains(property.Name)))
            {
                continue;
            }

            var propertyType = property.PropertyType;
            Holds? holds = propertyType == typeof(string) ? Holds.Name
                : propertyType == typeof(TableName) ? Holds.TableName
                : ElementType(propertyType) is { } element && element == typeof(string) ? Holds.Names
                : ElementType(propertyType) is { } record && IsOperationRecord(record) ? Holds.Records
                : IsOperationRecord(propertyType) ? Holds.Record
                : null;
            if (holds is { } kind)
            {
                found.Add(new NameProperty(property, kind, Subject(type, property.Name) is { } subject ? Words(subject) : null));
            }
        }

        return [.. found];
    }

    private static IEnumerable<(string What, string? Name)> Names(object record, string? owner)
    {
        foreach (var property in NameProperties.GetOrAdd(record.GetType(), PropertiesThatMayHoldNames))
        {
            var what = property.What ?? Words(owner ?? "object");
            var value = property.Property.GetValue(record);
            switch (property.Holds)
            {
                case Holds.Name when value is not null || property.Property.Name != nameof(TableName.Schema):
                    yield return (what, (string?)value);
                    break;
                case Holds.TableName:
                    var table = (TableName)value!;
                    yield return (what, table.Name);
                    if (table.Schema is not null)
                    {
                        yield return ("schema name", table.Schema);
                    }

                    break;
                case Holds.Names or Holds.Records:
                    foreach (var item in (IEnumerable?)value ?? Array.Empty<object>())
                    {
                        foreach (var name in item is string or null ? [(what, (string?)item)] : Names(item, what))
                        {
                            yield return name;
                        }
                    }

                    break;
                case Holds.Record when value is not null:
                    foreach (var name in Names(value, what))
                    {
                        yield return name;
                    }

                    break;
            }
        }
    }

    /// <summary>Records of this package that hold names (column definitions, constraints, column values); not types or values.</summary>
    private static bool IsOperationRecord(Type type) =>
        type.Namespace == typeof(MigrationOperation).Namespace && type.IsClass && type != typeof(ColumnType) && type != typeof(DefaultValue);

    private static Type? ElementType(Type type) =>
        type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;

    /// <summary>What a property names, in words for messages ("column", "index", "table"); null for a "Name" whose meaning is its owner's.</summary>
    private static string? Subject(Type record, string property) => property switch
    {
        "Name" => record switch
        {
            _ when typeof(ColumnDefinition).IsAssignableFrom(record) => "column",
            _ when typeof(PrimaryKeyConstraint).IsAssignableFrom(record) => "primary key",
            _ when typeof(UniqueConstraint).IsAssignableFrom(record) => "unique constraint",
            _ when typeof(ForeignKeyConstraint).IsAssignableFrom(record) => "foreign key",
            _ when typeof(CheckConstraint).IsAssignableFrom(record) => "check constraint",
            _ when typeof(CreateIndexOperation).IsAssignableFrom(record) || typeof(DropIndexOperation).IsAssignableFrom(record) => "index",
            _ when typeof(DropConstraintOperation).IsAssignableFrom(record) => "constraint",
            _ => null,
        },
        "Columns" or "Column" => "column",
        "PrincipalTable" => "referenced table",
        "PrincipalColumns" => "referenced column",
        "NewName" => "new",
        _ => property.ToLowerInvariant(),
    };

    /// <summary>"column" becomes "column name"; words that already end in " name" stay.</summary>
    private static string Words(string subject) => subject.EndsWith(" name", StringComparison.Ordinal) ? subject : subject + " name";
}
