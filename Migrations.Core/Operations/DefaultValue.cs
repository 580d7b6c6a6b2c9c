namespace Migrations.Operations;

/// <summary>A column default: either a constant value or an SQL expression in the dialect's words.</summary>
public sealed record DefaultValue
{
    private DefaultValue(object? value, string? sql)
    {
        Value = value;
        Sql = sql;
    }

    /// <summary>The constant, when <see cref="Sql"/> is null.</summary>
    public object? Value { get; }

    /// <summary>The SQL expression, when this default is an expression.</summary>
    public string? Sql { get; }

    /// <summary>A constant default; the dialect renders it as a safely escaped literal.</summary>
    /// <param name="value">A string, number, boolean, date/time, Guid or null.</param>
    public static DefaultValue Constant(object? value) => new(value, null);

    /// <summary>An SQL expression default such as <c>current_timestamp</c>, passed through as written.</summary>
    /// <param name="sql">The expression.</param>
    public static DefaultValue Expression(string sql) => new(null, sql);
}
