using Migrations.Building;
using Migrations.Dialects;
using Migrations.Operations;

namespace Migrations.Running;

/// <summary>Creates a migration and records the operations of one direction, checking them against the dialect.</summary>
internal static class MigrationOperations
{
    public static IReadOnlyList<MigrationOperation> Build(MigrationInfo info, bool up, IMigrationDialect dialect, List<string> problems)
    {
        var builder = new MigrationBuilder();
        try
        {
            var migration = (Migration)Activator.CreateInstance(info.Type)!;
            if (up)
            {
                migration.Up(builder);
            }
            else
            {
                migration.Down(builder);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or System.Text.Json.JsonException or System.Reflection.TargetInvocationException)
        {
            problems.Add($"Migration {info}: {(up ? "Up" : "Down")} failed while recording its operations: {(e.InnerException ?? e).Message}");
            return [];
        }

        if (up && builder.Operations.Count == 0)
        {
            problems.Add($"Migration {info}: Up records no operation. Add the change it should make, or delete the class.");
        }

        foreach (var operation in builder.Operations)
        {
            foreach (var problem in dialect.Validate(operation))
            {
                problems.Add($"Migration {info}, {operation.Describe()}: {problem}");
            }
        }

        return builder.Operations;
    }
}
