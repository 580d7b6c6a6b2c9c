using System.Text;
using Migrations.Operations;

namespace Migrations.Scaffolding;

/// <summary>One operation as the fluent builder call that makes it, the way a person would write it.</summary>
internal static class OperationSource
{
    private const string Indent = "        ";

    public static string Statement(MigrationOperation operation) => operation switch
    {
        CreateTableOperation o => CreateTable(o),
        CreateEnumOperation o when o.Type.Schema is null => $"m.CreateEnum({S(o.Type.Name)}{string.Concat(o.Values.Select(v => ", " + S(v)))});",
        CreateEnumOperation o => $"m.CreateEnum({S(o.Type.Name)}, {CSharpText.Strings(o.Values)}, {S(o.Type.Schema!)});",
        CreateSequenceOperation o => Call("CreateSequence", [S(o.Sequence.Name)], ("startWith", o.StartWith == 1 ? null : $"{o.StartWith}"), ("incrementBy", o.IncrementBy == 1 ? null : $"{o.IncrementBy}"), Schema(o.Sequence)),
        CreateIndexOperation o => Call("CreateIndex", [S(o.Table.Name), o.Columns.Count == 1 ? S(o.Columns[0]) : CSharpText.Strings(o.Columns)],
            ("unique", o.IsUnique ? "true" : null), ("name", S(o.Name)), Schema(o.Table)),
        AddForeignKeyOperation o => Call("AddForeignKey", [S(o.Table.Name), CSharpText.Strings(o.ForeignKey.Columns), S(o.ForeignKey.PrincipalTable.Name), CSharpText.Strings(o.ForeignKey.PrincipalColumns)],
            ("name", S(o.ForeignKey.Name)), Schema(o.Table), ("onDelete", Action(o.ForeignKey.OnDelete)), ("onUpdate", Action(o.ForeignKey.OnUpdate)),
            ("principalSchema", o.ForeignKey.PrincipalTable.Schema == o.Table.Schema ? null : S(o.ForeignKey.PrincipalTable.Schema ?? ""))),
        AddPrimaryKeyOperation o => Call("AddPrimaryKey", [S(o.Table.Name), CSharpText.Strings(o.PrimaryKey.Columns)], ("name", S(o.PrimaryKey.Name)), Schema(o.Table)),
        AddUniqueConstraintOperation o => Call("AddUniqueConstraint", [S(o.Table.Name), CSharpText.Strings(o.Constraint.Columns)], ("name", S(o.Constraint.Name)), Schema(o.Table)),
        AddCheckConstraintOperation o => Call("AddCheckConstraint", [S(o.Table.Name), S(o.Constraint.Name), S(o.Constraint.Expression)], Schema(o.Table)),
        AddColumnOperation o => Call("AddColumn", [S(o.Table.Name), S(o.Column.Name), $"c => c{Column(o.Column)}{(o.Backfill?.Sql is { } b ? $".BackfillSql({S(b)})" : "")}"], Schema(o.Table)),
        AlterColumnTypeOperation o => Call("AlterColumn", [S(o.Table.Name), S(o.Column), $"a => a.Type({Type(o.NewType)}{(o.Using is null ? "" : ", " + S(o.Using))})"], Schema(o.Table)),
        AlterColumnNullabilityOperation o => Call("AlterColumn", [S(o.Table.Name), S(o.Column), o.IsNullable ? "a => a.Nullable()" : "a => a.NotNull()"], Schema(o.Table)),
        AlterColumnDefaultOperation o => Call("AlterColumn", [S(o.Table.Name), S(o.Column), $"a => a{Default(o.Default) ?? ".DropDefault()"}"], Schema(o.Table)),
        AddEnumValueOperation o => Call("AddEnumValue", [S(o.Type.Name), S(o.Value)], ("before", o.Before is null ? null : S(o.Before)), ("after", o.After is null ? null : S(o.After)), Schema(o.Type)),
        DropEnumValueOperation o => Call("DropEnumValue", [S(o.Type.Name), S(o.Value)], Schema(o.Type)),
        DropColumnOperation o => Call("DropColumn", [S(o.Table.Name), S(o.Column)], Schema(o.Table)),
        DropConstraintOperation o => Call("DropConstraint", [S(o.Table.Name), S(o.Name)], Schema(o.Table)),
        DropIndexOperation o => Call("DropIndex", [S(o.Table.Name), S(o.Name)], Schema(o.Table)),
        DropTableOperation o => Call("DropTable", [S(o.Table.Name)], Schema(o.Table)),
        DropSequenceOperation o => Call("DropSequence", [S(o.Sequence.Name)], Schema(o.Sequence)),
        DropEnumOperation o => Call("DropEnum", [S(o.Type.Name)], Schema(o.Type)),
        SqlOperation o => $"m.Sql({CSharpText.String(o.Sql, Indent)});",
        _ => throw new NotSupportedException($"{operation.Describe()} cannot be written as C# yet."),
    };

    private static string CreateTable(CreateTableOperation o)
    {
        var text = new StringBuilder($"m.CreateTable({S(o.Table.Name)}, t => t");
        void Line(string call) => text.Append('\n').Append(Indent).Append("    .").Append(call);
        foreach (var column in o.Columns)
        {
            Line($"Column({S(column.Name)}, c => c{Column(column)})");
        }

        if (o.PrimaryKey is { } pk)
        {
            Line($"NamedPrimaryKey({S(pk.Name)}{string.Concat(pk.Columns.Select(c => ", " + S(c)))})");
        }

        foreach (var u in o.UniqueConstraints)
        {
            Line($"NamedUnique({S(u.Name)}{string.Concat(u.Columns.Select(c => ", " + S(c)))})");
        }

        foreach (var f in o.ForeignKeys)
        {
            Line($"ForeignKey({Arguments([CSharpText.Strings(f.Columns), S(f.PrincipalTable.Name), CSharpText.Strings(f.PrincipalColumns)],
                ("name", S(f.Name)), ("schema", f.PrincipalTable.Schema is null ? null : S(f.PrincipalTable.Schema)),
                ("onDelete", Action(f.OnDelete)), ("onUpdate", Action(f.OnUpdate)))})");
        }

        foreach (var c in o.CheckConstraints)
        {
            Line($"Check({S(c.Name)}, {S(c.Expression)})");
        }

        return text.Append(o.Table.Schema is null ? ");" : $", schema: {S(o.Table.Schema)});").ToString();
    }

    private static string Column(ColumnDefinition column) =>
        "." + TypeCall(column.Type) +
        (column.IsIdentity ? ".Identity()" : column.IsNullable ? "" : ".NotNull()") +
        (Default(column.Default) ?? "");

    /// <summary>The column builder's type method: the <see cref="ColumnType"/> factory's name where there is one.</summary>
    private static string TypeCall(ColumnType type) => type.Kind switch
    {
        ColumnTypeKind.Custom => $"Type({Type(type)})",
        ColumnTypeKind.String or ColumnTypeKind.Decimal or ColumnTypeKind.Enum => Type(type)["ColumnType.".Length..],
        _ => $"{type.Kind}()",
    };

    private static string Type(ColumnType type) => type.Kind switch
    {
        ColumnTypeKind.String => $"ColumnType.String({type.Length?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""})",
        ColumnTypeKind.Decimal => FormattableString.Invariant($"ColumnType.Decimal({type.Precision}, {type.Scale})"),
        ColumnTypeKind.Enum => $"ColumnType.Enum({S(type.Name!)})",
        ColumnTypeKind.Custom => $"ColumnType.Custom({S(type.Name!)})",
        _ => $"ColumnType.{type.Kind}",
    };

    private static string? Default(DefaultValue? value) => value switch
    {
        null => null,
        { Sql: { } sql } => $".DefaultSql({S(sql)})",
        _ => $".Default({CSharpText.Constant(value.Value)})",
    };

    private static string? Action(ReferentialAction action) => action == ReferentialAction.NoAction ? null : $"ReferentialAction.{action}";

    private static (string, string?) Schema(TableName name) => ("schema", name.Schema is null ? null : S(name.Schema));

    private static string Call(string method, string[] arguments, params (string Name, string? Value)[] named) => $"m.{method}({Arguments(arguments, named)});";

    /// <summary>Positional arguments, then the named ones that differ from their defaults.</summary>
    private static string Arguments(string[] arguments, params (string Name, string? Value)[] named) =>
        string.Join(", ", arguments.Concat(named.Where(n => n.Value is not null).Select(n => $"{n.Name}: {n.Value}")));

    private static string S(string value) => CSharpText.String(value);
}
