using Migrations.Operations;

namespace Migrations.Building;

/// <summary>Describes changes to an existing column; each call records one operation.</summary>
public sealed class AlterColumnBuilder
{
    private readonly MigrationBuilder _migration;
    private readonly TableName _table;
    private readonly string _column;

    internal AlterColumnBuilder(MigrationBuilder migration, TableName table, string column)
    {
        _migration = migration;
        _table = table;
        _column = column;
    }

    /// <summary>Changes the type.</summary>
    /// <param name="type">The new type.</param>
    /// <param name="usingSql">An SQL expression converting old values, or null for the database's cast.</param>
    public AlterColumnBuilder Type(ColumnType type, string? usingSql = null)
    {
        _migration.Add(new AlterColumnTypeOperation(_table, _column, type, usingSql));
        return this;
    }

    /// <summary>Adds NOT NULL.</summary>
    public AlterColumnBuilder NotNull()
    {
        _migration.Add(new AlterColumnNullabilityOperation(_table, _column, IsNullable: false));
        return this;
    }

    /// <summary>Drops NOT NULL.</summary>
    public AlterColumnBuilder Nullable()
    {
        _migration.Add(new AlterColumnNullabilityOperation(_table, _column, IsNullable: true));
        return this;
    }

    /// <summary>Sets a constant default.</summary>
    /// <param name="value">The constant.</param>
    public AlterColumnBuilder Default(object? value)
    {
        _migration.Add(new AlterColumnDefaultOperation(_table, _column, DefaultValue.Constant(value)));
        return this;
    }

    /// <summary>Sets an SQL expression default.</summary>
    /// <param name="sql">The expression.</param>
    public AlterColumnBuilder DefaultSql(string sql)
    {
        _migration.Add(new AlterColumnDefaultOperation(_table, _column, DefaultValue.Expression(sql)));
        return this;
    }

    /// <summary>Drops the default.</summary>
    public AlterColumnBuilder DropDefault()
    {
        _migration.Add(new AlterColumnDefaultOperation(_table, _column, null));
        return this;
    }
}
