using Migrations.Operations;

namespace Migrations.Schema;

/// <summary>What a dialect tells the schema model so that operations can be applied to it.</summary>
public interface ISchemaConventions
{
    /// <summary>The schema that unqualified names live in.</summary>
    string DefaultSchema { get; }

    /// <summary>How the database compares identifiers.</summary>
    StringComparer NameComparer { get; }

    /// <summary>The database's type name for a portable type.</summary>
    /// <param name="type">The portable type.</param>
    string StoreType(ColumnType type);

    /// <summary>The SQL of a default as the database would show it, or null for none.</summary>
    /// <param name="value">The default.</param>
    string? DefaultSql(DefaultValue? value);
}
