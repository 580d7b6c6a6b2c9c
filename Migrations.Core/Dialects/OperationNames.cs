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

    // Every operation of every migration is checked on each run: the properties are looked up once per type.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, PropertyInfo[]> NameProperties = new();

    private static PropertyInfo[] PropertiesThatMayHoldNames(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract" && !NotNames.Contains(p.Name) &&
            !(typeof(IEnumTypeOperation).IsAssignableFrom(type) && EnumLabels.Contains(p.Name)))
        .ToArray();

    private static IEnumerable<(string What, string? Name)> Names(object record, string? owner)
    {
        foreach (var property in NameProperties.GetOrAdd(record.GetType(), PropertiesThatMayHoldNames))
        {
            var type = property.PropertyType;
            var what = What(record, property, owner);
            if (type == typeof(string))
            {
                var name = (string?)property.GetValue(record);
                if (name is not null || property.Name != nameof(TableName.Schema))
                {
                    yield return (what, name);
                }
            }
            else if (type == typeof(TableName))
            {
                var table = (TableName)property.GetValue(record)!;
                yield return (what, table.Name);
                if (table.Schema is not null)
                {
                    yield return ("schema name", table.Schema);
                }
            }
            else if (ElementType(type) is { } element && (element == typeof(string) || IsOperationRecord(element)))
            {
                foreach (var item in (IEnumerable?)property.GetValue(record) ?? Array.Empty<object>())
                {
                    foreach (var found in item is string or null ? [(what, (string?)item)] : Names(item, what))
                    {
                        yield return found;
                    }
                }
            }
            else if (IsOperationRecord(type) && property.GetValue(record) is { } nested)
            {
                foreach (var found in Names(nested, what))
                {
                    yield return found;
                }
            }
        }
    }

    /// <summary>Records of this package that hold names (column definitions, constraints, column values); not types or values.</summary>
    private static bool IsOperationRecord(Type type) =>
        type.Namespace == typeof(MigrationOperation).Namespace && type.IsClass && type != typeof(ColumnType) && type != typeof(DefaultValue);

    private static Type? ElementType(Type type) =>
        type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;

    /// <summary>Words for the name in messages: "column name", "index name", "table name".</summary>
    private static string What(object record, PropertyInfo property, string? owner)
    {
        var subject = property.Name switch
        {
            "Name" => record switch
            {
                ColumnDefinition => "column",
                PrimaryKeyConstraint => "primary key",
                UniqueConstraint => "unique constraint",
                ForeignKeyConstraint => "foreign key",
                CheckConstraint => "check constraint",
                CreateIndexOperation or DropIndexOperation => "index",
                DropConstraintOperation => "constraint",
                _ => owner ?? "object",
            },
            "Columns" or "Column" => "column",
            "PrincipalTable" => "referenced table",
            "PrincipalColumns" => "referenced column",
            "NewName" => "new",
            _ => property.Name.ToLowerInvariant(),
        };
        return subject.EndsWith(" name", StringComparison.Ordinal) ? subject : subject + " name";
    }
}
