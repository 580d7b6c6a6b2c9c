namespace Migrations.Operations;

/// <summary>Runs SQL written by hand, as is, inside the migration's transaction.</summary>
public sealed record SqlOperation(string Sql) : MigrationOperation
{
    /// <inheritdoc />
    public override string Describe() => Sql is null ? "Sql (null)" : $"Sql \"{(Sql.Length > 60 ? Sql[..60] + "..." : Sql)}\"";
}
