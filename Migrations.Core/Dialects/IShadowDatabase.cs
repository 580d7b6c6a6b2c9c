namespace Migrations.Dialects;

/// <summary>
/// An empty scratch database of the same kind as the one being migrated (a shadow database), in
/// which migrations run to learn the schema they make. Disposing it deletes it.
/// </summary>
public interface IShadowDatabase : IAsyncDisposable
{
    /// <summary>The dialect that opens the shadow database.</summary>
    IMigrationDialect Dialect { get; }

    /// <summary>
    /// A check expression as this database prints it once it is declared again on a copy of the
    /// shadow's table of that name, for databases that print a check differently from how it was
    /// declared (PostgreSQL); null when the database prints it as declared or the table is missing.
    /// </summary>
    /// <param name="table">A table of the shadow database.</param>
    /// <param name="expression">The check expression, as another database of the same kind printed it.</param>
    /// <param name="cancellationToken">Cancels the statement.</param>
    Task<string?> RestateCheckAsync(Operations.TableName table, string expression, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
