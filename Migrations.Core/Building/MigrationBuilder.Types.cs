using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.Building;

/// <summary>Sequences and enum types.</summary>
public sealed partial class MigrationBuilder
{
    /// <summary>Creates a sequence.</summary>
    /// <param name="name">The sequence's name.</param>
    /// <param name="startWith">The first value.</param>
    /// <param name="incrementBy">The step.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder CreateSequence(string name, long startWith = 1, long incrementBy = 1, string? schema = null) =>
        Add(new CreateSequenceOperation(new TableName(name, schema), startWith, incrementBy));

    /// <summary>Drops a sequence.</summary>
    /// <param name="name">The sequence's name.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder DropSequence(string name, string? schema = null) =>
        Add(new DropSequenceOperation(new TableName(name, schema)));

    /// <summary>Creates an enum type; columns use it with <c>c.Enum("name")</c>, from any number of tables.</summary>
    /// <param name="name">The type's name.</param>
    /// <param name="values">Its values, in order.</param>
    public MigrationBuilder CreateEnum(string name, params string[] values) => CreateEnum(name, values, schema: null);

    /// <summary>Creates an enum type in a schema.</summary>
    /// <param name="name">The type's name.</param>
    /// <param name="values">Its values, in order.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder CreateEnum(string name, string[] values, string? schema) =>
        Add(new CreateEnumOperation(new TableName(name, schema), values));

    /// <summary>
    /// Creates an enum type from a C# enum: the type and its labels are the snake_case names of the
    /// enum and its members (as Npgsql's <c>MapEnum&lt;TEnum&gt;()</c> reads them), in order of value;
    /// <c>[EnumMember(Value = "...")]</c> or <c>[PgName("...")]</c> name a member explicitly.
    /// Whole numbers in seed data for its columns become the labels of the members with those values.
    /// </summary>
    /// <typeparam name="TEnum">The C# enum.</typeparam>
    /// <param name="name">The type's name, or null for the enum's snake_case name.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder CreateEnum<TEnum>(string? name = null, string? schema = null)
        where TEnum : struct, Enum =>
        Add(new CreateEnumOperation(new TableName(name ?? ClrEnumNames.TypeName(typeof(TEnum)), schema), ClrEnumNames.Labels(typeof(TEnum))) { ClrType = typeof(TEnum) });

    /// <summary>Drops an enum type; refused while a column uses it (never a silent CASCADE).</summary>
    /// <param name="name">The type's name.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder DropEnum(string name, string? schema = null) => Add(new DropEnumOperation(new TableName(name, schema)));

    /// <summary>Adds a value to an enum type: at the end, or before or after an existing value.</summary>
    /// <param name="name">The type's name.</param>
    /// <param name="value">The new value.</param>
    /// <param name="before">The value it goes before, or null.</param>
    /// <param name="after">The value it goes after, or null.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder AddEnumValue(string name, string value, string? before = null, string? after = null, string? schema = null) =>
        Add(new AddEnumValueOperation(new TableName(name, schema), value) { Before = before, After = after });

    /// <summary>Renames a value of an enum type; rows holding it follow.</summary>
    /// <param name="name">The type's name.</param>
    /// <param name="value">The current value.</param>
    /// <param name="newValue">The new value.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder RenameEnumValue(string name, string value, string newValue, string? schema = null) =>
        Add(new RenameEnumValueOperation(new TableName(name, schema), value, newValue));

    /// <summary>Drops a value of an enum type; refused while a row holds it.</summary>
    /// <param name="name">The type's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder DropEnumValue(string name, string value, string? schema = null) =>
        Add(new DropEnumValueOperation(new TableName(name, schema), value));
}
