namespace Migrations.Fleet;

/// <summary>Lists the databases of a fleet, for example the DuckDB files in a folder or the databases on a PostgreSQL server.</summary>
public interface IFleetTargets
{
    /// <summary>The targets, in the order they are reported (and started).</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    Task<IReadOnlyList<FleetTarget>> ListAsync(CancellationToken cancellationToken);
}
