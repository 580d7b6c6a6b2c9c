using Migrations.Building;
using Migrations.Checks;
using Migrations.Dialects;
using Migrations.Operations;

namespace Migrations.Running;

/// <summary>Creates a migration and records the operations of one direction, checking them against the dialect.</summary>
internal static class MigrationOperations
{
    public static IReadOnlyList<MigrationOperation> Build(MigrationInfo info, bool up, IMigrationDialect dialect, ValidationProblems problems) =>
        Record(info, up, dialect, problems).Operations;

    /// <summary>The builder after the migration recorded one direction: its operations and what it accepted of the safety rules.</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty location (a single-file or native app) falls back to the base directory.")]
    public static MigrationBuilder Record(MigrationInfo info, bool up, IMigrationDialect dialect, ValidationProblems problems)
    {
        // Single-file apps have no assembly location: their files sit in the base directory.
        var folder = Path.GetDirectoryName(info.Type.Assembly.Location);
        var builder = new MigrationBuilder { DataDirectory = string.IsNullOrEmpty(folder) ? AppContext.BaseDirectory : folder };
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
#pragma warning disable CA1031 // Whatever the migration's own code throws is reported as that migration's problem, with the exception kept.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var error = e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : e;
            problems.Add($"Migration {info}: {(up ? "Up" : "Down")} threw {error.GetType().Name} while recording its operations: {error.Message}");
            problems.Cause ??= error;
            return new MigrationBuilder();
        }

        if (up && builder.Operations.Count == 0)
        {
            problems.Add($"Migration {info}: Up records no operation. Add the change it should make, or delete the class.");
        }

        foreach (var operation in builder.Operations)
        {
            try
            {
                // What is wrong whatever the database first; then what this database cannot do.
                foreach (var problem in OperationChecks.Problems(operation).Concat(dialect.Validate(operation)))
                {
                    problems.Add($"Migration {info}, {operation.Describe()}: {problem}");
                }
            }
#pragma warning disable CA1031 // Rows given as a sequence run the migration's own code as they are read: whatever it throws is that migration's problem.
            catch (Exception e)
#pragma warning restore CA1031
            {
                // Not Describe(): an InsertData's description counts its rows, which would read them again.
                problems.Add(operation is InsertDataOperation insert
                    ? $"Migration {info}, InsertData {insert.Table}: reading its rows threw {e.GetType().Name}: {e.Message}"
                    : $"Migration {info}, {operation.Describe()}: checking it threw {e.GetType().Name}: {e.Message}");
                problems.Cause ??= e;
            }
        }

        return builder;
    }
}
