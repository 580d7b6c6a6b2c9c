using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Migrations.DuckDb.Client;

/// <summary>A command parameter: positional ($1, $2, ...) when unnamed, otherwise bound to <c>$name</c>.</summary>
public sealed class DuckDbParameter : DbParameter
{
    private string _name = "";
    private string _sourceColumn = "";

    /// <summary>Creates an unnamed parameter.</summary>
    public DuckDbParameter()
    {
    }

    /// <summary>Creates a parameter with a value.</summary>
    /// <param name="name">The name used in SQL without its <c>$</c>, or empty for positional binding.</param>
    /// <param name="value">The value.</param>
    public DuckDbParameter(string name, object? value)
    {
        _name = name;
        Value = value;
    }

    /// <inheritdoc />
    public override DbType DbType { get; set; } = DbType.Object;

    /// <inheritdoc />
    public override ParameterDirection Direction
    {
        get => ParameterDirection.Input;
        set
        {
            if (value != ParameterDirection.Input)
            {
                throw new NotSupportedException("DuckDB supports input parameters only.");
            }
        }
    }

    /// <inheritdoc />
    public override bool IsNullable { get; set; }

    /// <inheritdoc />
    [AllowNull]
    public override string ParameterName
    {
        get => _name;
        set => _name = value ?? "";
    }

    /// <inheritdoc />
    public override int Size { get; set; }

    /// <inheritdoc />
    [AllowNull]
    public override string SourceColumn
    {
        get => _sourceColumn;
        set => _sourceColumn = value ?? "";
    }

    /// <inheritdoc />
    public override bool SourceColumnNullMapping { get; set; }

    /// <inheritdoc />
    public override object? Value { get; set; }

    /// <inheritdoc />
    public override void ResetDbType() => DbType = DbType.Object;
}
