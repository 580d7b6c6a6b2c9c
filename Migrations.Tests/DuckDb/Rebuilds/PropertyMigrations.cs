using Migrations.Building;
using Migrations.Operations;

namespace Migrations.Tests.DuckDb.Rebuilds;

/// <summary>Hands the operations of the current random case to the runner, as real migrations.</summary>
internal static class PropertyCase
{
    private static readonly AsyncLocal<RandomSchema?> CurrentCase = new();

    public static RandomSchema Current
    {
        get => CurrentCase.Value ?? throw new InvalidOperationException("No random case is running.");
        set => CurrentCase.Value = value;
    }

    public static void Record(MigrationBuilder m, IEnumerable<MigrationOperation> operations)
    {
        foreach (var operation in operations)
        {
            m.Add(operation);
        }
    }
}

[Migration(1, "Random schema")]
internal sealed class RandomSetup : Migration
{
    public override void Up(MigrationBuilder m) => PropertyCase.Record(m, PropertyCase.Current.Setup);
}

[Migration(2, "Random changes")]
internal sealed class RandomChanges : Migration
{
    public override void Up(MigrationBuilder m) => PropertyCase.Record(m, PropertyCase.Current.Changes);
}
