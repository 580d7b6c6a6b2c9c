namespace Migrations.Dialects;

/// <summary>The steps that carry out one migration.</summary>
/// <param name="Steps">The statements, in order.</param>
/// <param name="IsExact">
/// False when planning needed schema knowledge that earlier raw SQL in the same run made
/// unknowable; the runner then plans the migration again once the earlier ones are committed.
/// </param>
public sealed record MigrationPlan(IReadOnlyList<SqlStep> Steps, bool IsExact = true)
{
    /// <summary>
    /// How many more times a part that failed because its lock was not granted in time is tried
    /// (each attempt rolled back first); 0 fails at once.
    /// </summary>
    public int LockRetries { get; init; }
}
