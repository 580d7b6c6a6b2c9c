using System.Reflection;
using Migrations.Operations;

namespace Migrations.Dialects;

/// <summary>
/// Puts the names an operation leaves without a schema into one schema: a dialect that migrates a
/// tenant's schema plans the operations with every table, type, sequence and referenced table
/// named in it. Every operation is covered as it is declared, new ones included: each property
/// holding a <see cref="TableName"/> or foreign keys is rewritten on a copy of the record.
/// </summary>
internal static class SchemaQualifier
{
    /// <summary>A copy of <paramref name="operation"/> with each name that has no schema put in <paramref name="schema"/>.</summary>
    /// <param name="operation">The operation as the migration declared it.</param>
    /// <param name="schema">The schema for names without one.</param>
    public static MigrationOperation Qualify(MigrationOperation operation, string schema)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        var properties = Names(operation.GetType());
        if (properties.Length == 0)
        {
            return operation;
        }

        // Records copy themselves through their compiler-made clone method; init accessors then set the copy's names.
        var copy = (MigrationOperation)operation.GetType().GetMethod("<Clone>$")!.Invoke(operation, null)!;
        foreach (var property in properties)
        {
            property.SetValue(copy, property.GetValue(operation) switch
            {
                TableName name => In(name, schema),
                ForeignKeyConstraint key => In(key, schema),
                IReadOnlyList<ForeignKeyConstraint> keys => keys.Select(k => In(k, schema)).ToArray(),
                var other => other,
            });
        }

        return copy;
    }

    private static TableName In(TableName name, string schema) => name.Schema is null ? name with { Schema = schema } : name;

    private static ForeignKeyConstraint In(ForeignKeyConstraint key, string schema) => key with { PrincipalTable = In(key.PrincipalTable, schema) };

    private static PropertyInfo[] Names(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is not null && (p.PropertyType == typeof(TableName) || p.PropertyType == typeof(ForeignKeyConstraint) || p.PropertyType == typeof(IReadOnlyList<ForeignKeyConstraint>)))
        .ToArray();
}
