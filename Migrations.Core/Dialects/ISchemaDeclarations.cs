using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.Dialects;

/// <summary>
/// How a dialect declares again, with the portable operations, what its schema reader found: the
/// inverse of its SQL generator, used to reverse-engineer a live database into a migration and to
/// turn differences between two schemas into operations.
/// </summary>
public interface ISchemaDeclarations
{
    /// <summary>The schema objects land in when a migration names none (<c>main</c>, <c>public</c>).</summary>
    string DefaultSchema { get; }

    /// <summary>The column definition that makes <paramref name="column"/> again: its portable type, nullability, default and identity.</summary>
    /// <param name="table">The column's table.</param>
    /// <param name="column">The column as read.</param>
    /// <param name="schema">The whole schema, for enum types and the sequences behind identity columns.</param>
    ColumnDefinition DeclareColumn(TableModel table, ColumnModel column, SchemaModel schema);

    /// <summary>The statement that makes a view again.</summary>
    /// <param name="view">The view as read.</param>
    string CreateView(ViewModel view);
}
