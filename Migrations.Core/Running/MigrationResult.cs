namespace Migrations.Running;

/// <summary>What a run did.</summary>
/// <param name="Applied">Migrations applied (Up), in order.</param>
/// <param name="Reverted">Migrations reverted (Down), in order.</param>
public sealed record MigrationResult(IReadOnlyList<MigrationInfo> Applied, IReadOnlyList<MigrationInfo> Reverted)
{
    /// <summary>True when the run changed nothing.</summary>
    public bool NothingToDo => Applied.Count == 0 && Reverted.Count == 0;
}
