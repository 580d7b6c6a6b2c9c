namespace Migrations.Operations;

/// <summary>
/// One change a migration asks for. Operations are immutable data with no SQL in them:
/// a dialect plans and renders them for its database.
/// </summary>
public abstract record MigrationOperation
{
    /// <summary>A short description naming the operation and its target, used in errors and logs.</summary>
    public abstract string Describe();
}
