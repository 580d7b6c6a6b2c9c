namespace Migrations.Dialects;

/// <summary>
/// An empty scratch database of the same kind as the one being migrated (a shadow database), in
/// which migrations run to learn the schema they make. Disposing it deletes it.
/// </summary>
public interface IShadowDatabase : IAsyncDisposable
{
    /// <summary>The dialect that opens the shadow database.</summary>
    IMigrationDialect Dialect { get; }
}
