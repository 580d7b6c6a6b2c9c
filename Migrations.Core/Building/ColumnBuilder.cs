using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.Building;

/// <summary>Describes one column: pick a type, then add options such as <see cref="NotNull"/>.</summary>
public sealed class ColumnBuilder
{
    private readonly string _name;
    private ColumnType? _type;
    private bool _nullable = true;
    private bool _identity;
    private DefaultValue? _default;
    private DefaultValue? _backfill;

    internal ColumnBuilder(string name) => _name = name;

    internal bool IsPrimaryKey { get; private set; }

    internal bool IsUnique { get; private set; }

    internal (TableName Table, string Column)? Reference { get; private set; }

    internal string? CheckExpression { get; private set; }

    /// <summary>Boolean.</summary>
    public ColumnBuilder Boolean() => Type(ColumnType.Boolean);
    /// <summary>16-bit integer.</summary>
    public ColumnBuilder Int16() => Type(ColumnType.Int16);
    /// <summary>32-bit integer.</summary>
    public ColumnBuilder Int32() => Type(ColumnType.Int32);
    /// <summary>64-bit integer.</summary>
    public ColumnBuilder Int64() => Type(ColumnType.Int64);
    /// <summary>Exact decimal.</summary>
    /// <param name="precision">Total digits.</param>
    /// <param name="scale">Digits after the point.</param>
    public ColumnBuilder Decimal(int precision, int scale) => Type(ColumnType.Decimal(precision, scale));
    /// <summary>32-bit float.</summary>
    public ColumnBuilder Float32() => Type(ColumnType.Float32);
    /// <summary>64-bit float.</summary>
    public ColumnBuilder Float64() => Type(ColumnType.Float64);
    /// <summary>Text with an optional maximum length.</summary>
    /// <param name="length">Maximum length, or null for unbounded.</param>
    public ColumnBuilder String(int? length = null) => Type(ColumnType.String(length));
    /// <summary>Unbounded text.</summary>
    public ColumnBuilder Text() => Type(ColumnType.Text);
    /// <summary>Date.</summary>
    public ColumnBuilder Date() => Type(ColumnType.Date);
    /// <summary>Time of day.</summary>
    public ColumnBuilder Time() => Type(ColumnType.Time);
    /// <summary>Timestamp without time zone.</summary>
    public ColumnBuilder Timestamp() => Type(ColumnType.Timestamp);
    /// <summary>Timestamp with time zone.</summary>
    public ColumnBuilder TimestampTz() => Type(ColumnType.TimestampTz);
    /// <summary>UUID.</summary>
    public ColumnBuilder Guid() => Type(ColumnType.Guid);
    /// <summary>Bytes.</summary>
    public ColumnBuilder Binary() => Type(ColumnType.Binary);
    /// <summary>JSON document.</summary>
    public ColumnBuilder Json() => Type(ColumnType.Json);

    /// <summary>An enum type created with <c>CreateEnum</c>.</summary>
    /// <param name="typeName">The enum type's name.</param>
    public ColumnBuilder Enum(string typeName) => Type(ColumnType.Enum(typeName));

    /// <summary>The enum type created with <c>CreateEnum&lt;TEnum&gt;()</c>: named after the C# enum unless a name is given.</summary>
    /// <typeparam name="TEnum">The C# enum.</typeparam>
    /// <param name="typeName">The enum type's name, or null for the enum's snake_case name.</param>
    public ColumnBuilder Enum<TEnum>(string? typeName = null)
        where TEnum : struct, System.Enum => Type(ColumnType.Enum(typeName ?? ClrEnumNames.TypeName(typeof(TEnum))));

    /// <summary>Any type, including a dialect's own (<see cref="ColumnType.Custom"/>).</summary>
    /// <param name="type">The column's type.</param>
    public ColumnBuilder Type(ColumnType type)
    {
        _type = type ?? throw new ArgumentNullException(nameof(type));
        return this;
    }

    /// <summary>Rejects NULL.</summary>
    public ColumnBuilder NotNull()
    {
        _nullable = false;
        return this;
    }

    /// <summary>Accepts NULL (the default).</summary>
    public ColumnBuilder Nullable()
    {
        _nullable = true;
        return this;
    }

    /// <summary>A constant default, rendered by the dialect as an escaped literal.</summary>
    /// <param name="value">The constant.</param>
    public ColumnBuilder Default(object? value)
    {
        _default = DefaultValue.Constant(value);
        return this;
    }

    /// <summary>An SQL expression default, passed through as written.</summary>
    /// <param name="sql">The expression, for example <c>current_timestamp</c>.</param>
    public ColumnBuilder DefaultSql(string sql)
    {
        _default = DefaultValue.Expression(sql);
        return this;
    }

    /// <summary>
    /// When the column is added to an existing table: the constant that existing rows get
    /// (needed for a NOT NULL column without a default). New rows still follow the column's default.
    /// </summary>
    /// <param name="value">The constant.</param>
    public ColumnBuilder Backfill(object? value)
    {
        _backfill = DefaultValue.Constant(value);
        return this;
    }

    /// <summary>
    /// When the column is added to an existing table: an SQL expression over the table's other
    /// columns that computes each existing row's value, for example <c>lower(name) || '@example.com'</c>.
    /// </summary>
    /// <param name="sql">The expression.</param>
    public ColumnBuilder BackfillSql(string sql)
    {
        _backfill = DefaultValue.Expression(sql);
        return this;
    }

    /// <summary>Ascending values generated by the database (implies NOT NULL).</summary>
    public ColumnBuilder Identity()
    {
        _identity = true;
        _nullable = false;
        return this;
    }

    /// <summary>Makes this column the table's primary key (implies NOT NULL).</summary>
    public ColumnBuilder PrimaryKey()
    {
        IsPrimaryKey = true;
        _nullable = false;
        return this;
    }

    /// <summary>Adds a unique constraint on this column.</summary>
    public ColumnBuilder Unique()
    {
        IsUnique = true;
        return this;
    }

    /// <summary>Adds a foreign key from this column to a column of another table.</summary>
    /// <param name="table">The referenced table.</param>
    /// <param name="column">The referenced column.</param>
    /// <param name="schema">The referenced table's schema, or null for the default.</param>
    public ColumnBuilder References(string table, string column, string? schema = null)
    {
        Reference = (new TableName(table, schema), column);
        return this;
    }

    /// <summary>Adds a check constraint on this column.</summary>
    /// <param name="expression">A boolean SQL expression.</param>
    public ColumnBuilder Check(string expression)
    {
        CheckExpression = expression;
        return this;
    }

    internal ColumnDefinition Build() => new(_name, _type ?? throw new InvalidOperationException(
        $"Column '{_name}' has no type: call a type method such as Int64() or String()."))
    {
        IsNullable = _nullable,
        IsIdentity = _identity,
        Default = AsLabel(_default),
    };

    /// <summary>What existing rows get when the column is added to a table that has rows.</summary>
    internal DefaultValue? BackfillValue => AsLabel(_backfill);

    /// <summary>A C# enum member as the default of an enum column is its label, as in seed data.</summary>
    private DefaultValue? AsLabel(DefaultValue? value) =>
        value is { Value: Enum member } && _type is { Kind: ColumnTypeKind.Enum } && ClrEnumNames.Label(member) is { } label ? DefaultValue.Constant(label) : value;
}
