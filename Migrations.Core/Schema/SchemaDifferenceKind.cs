namespace Migrations.Schema;

/// <summary>How an object differs from what the migrations make.</summary>
public enum SchemaDifferenceKind
{
    /// <summary>The migrations make it; the database does not have it.</summary>
    Missing,

    /// <summary>The database has it; no migration makes it (it was made by hand or by other code).</summary>
    Unexpected,

    /// <summary>Both have it, defined differently.</summary>
    Changed,
}
