using Migrations.Operations;

namespace Migrations.Building;

/// <summary>Describes a new table: its columns and its table-level constraints.</summary>
public sealed class TableBuilder
{
    private readonly TableName _table;
    private readonly List<ColumnDefinition> _columns = [];
    private readonly List<UniqueConstraint> _uniques = [];
    private readonly List<ForeignKeyConstraint> _foreignKeys = [];
    private readonly List<CheckConstraint> _checks = [];
    private PrimaryKeyConstraint? _primaryKey;

    internal TableBuilder(TableName table) => _table = table;

    /// <summary>Adds a column.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="configure">Sets the column's type and options.</param>
    public TableBuilder Column(string name, Action<ColumnBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var column = new ColumnBuilder(name);
        configure(column);
        _columns.Add(column.Build());
        if (column.IsPrimaryKey)
        {
            PrimaryKey(name);
        }

        if (column.IsUnique)
        {
            Unique(name);
        }

        if (column.Reference is { } reference)
        {
            ForeignKey([name], reference.Table.Name, [reference.Column], schema: reference.Table.Schema);
        }

        if (column.CheckExpression is { } check)
        {
            Check(ConstraintNames.Check(_table.Name, name), check);
        }

        return this;
    }

    /// <summary>Sets the primary key, over one or more columns (a composite key).</summary>
    /// <param name="columns">The key's columns in order.</param>
    public TableBuilder PrimaryKey(params string[] columns) => NamedPrimaryKey(ConstraintNames.PrimaryKey(_table.Name), columns);

    /// <summary>Sets the primary key with a constraint name of your choice.</summary>
    /// <param name="name">The constraint's name.</param>
    /// <param name="columns">The key's columns in order.</param>
    public TableBuilder NamedPrimaryKey(string name, params string[] columns)
    {
        if (_primaryKey is not null)
        {
            throw new InvalidOperationException(
                $"Table {_table} has two primary keys: declare composite keys once with PrimaryKey(\"a\", \"b\").");
        }

        _primaryKey = new PrimaryKeyConstraint(name, columns);
        return this;
    }

    /// <summary>Adds a unique constraint over one or more columns.</summary>
    /// <param name="columns">The constrained columns.</param>
    public TableBuilder Unique(params string[] columns) => NamedUnique(ConstraintNames.Unique(_table.Name, columns), columns);

    /// <summary>Adds a unique constraint with a name of your choice.</summary>
    /// <param name="name">The constraint's name.</param>
    /// <param name="columns">The constrained columns.</param>
    public TableBuilder NamedUnique(string name, params string[] columns)
    {
        _uniques.Add(new UniqueConstraint(name, columns));
        return this;
    }

    /// <summary>Adds a foreign key.</summary>
    /// <param name="columns">The referencing columns.</param>
    /// <param name="principalTable">The referenced table.</param>
    /// <param name="principalColumns">The referenced columns.</param>
    /// <param name="name">The constraint's name; derived from the columns when null.</param>
    /// <param name="schema">The referenced table's schema, or null for the default.</param>
    /// <param name="onDelete">What happens when the referenced row is deleted.</param>
    /// <param name="onUpdate">What happens when the referenced key changes.</param>
    public TableBuilder ForeignKey(
        string[] columns,
        string principalTable,
        string[] principalColumns,
        string? name = null,
        string? schema = null,
        ReferentialAction onDelete = ReferentialAction.NoAction,
        ReferentialAction onUpdate = ReferentialAction.NoAction)
    {
        _foreignKeys.Add(new ForeignKeyConstraint(
            name ?? ConstraintNames.ForeignKey(_table.Name, columns),
            columns,
            new TableName(principalTable, schema),
            principalColumns)
        { OnDelete = onDelete, OnUpdate = onUpdate });
        return this;
    }

    /// <summary>Adds a check constraint.</summary>
    /// <param name="name">The constraint's name.</param>
    /// <param name="expression">A boolean SQL expression.</param>
    public TableBuilder Check(string name, string expression)
    {
        _checks.Add(new CheckConstraint(name, expression));
        return this;
    }

    internal CreateTableOperation Build() => new(_table, _columns.ToArray())
    {
        PrimaryKey = _primaryKey,
        UniqueConstraints = _uniques.ToArray(),
        ForeignKeys = _foreignKeys.ToArray(),
        CheckConstraints = _checks.ToArray(),
    };
}
