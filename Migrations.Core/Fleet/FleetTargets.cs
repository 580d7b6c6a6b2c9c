namespace Migrations.Fleet;

/// <summary>Fleets of targets known in advance.</summary>
public static class FleetTargets
{
    /// <summary>Exactly these targets.</summary>
    /// <param name="targets">The targets, in order.</param>
    public static IFleetTargets Of(params FleetTarget[] targets) => new Fixed(targets);

    private sealed class Fixed(IReadOnlyList<FleetTarget> targets) : IFleetTargets
    {
        public Task<IReadOnlyList<FleetTarget>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(targets);
    }
}
