using Migrations.Dialects;
using Migrations.Operations;
using static Migrations.Postgres.Dialect.PostgresSql;

namespace Migrations.Postgres.Dialect;

/// <summary>
/// The forms of constraint changes that keep an existing table readable and writable: whatever
/// scans the rows does so in a step of its own that commits alone (VALIDATE CONSTRAINT takes a
/// SHARE UPDATE EXCLUSIVE lock, which lets reads and writes go on), and the steps that take strong
/// locks hold them only for a moment.
/// </summary>
internal static class PostgresSafeRewrites
{
    /// <summary>The safe form of an operation; null when it has none (it is quick already, or has no safe form).</summary>
    /// <param name="operation">The operation, on a table the database had before the run.</param>
    /// <param name="buildIndex">Plans a concurrent index build (dropping an invalid one a failed build left).</param>
    public static async Task<IReadOnlyList<SqlStep>?> RewriteAsync(MigrationOperation operation, Func<CreateIndexOperation, Task<IReadOnlyList<SqlStep>>> buildIndex) => operation switch
    {
        AddForeignKeyOperation o => [NotValid(o), Validate(o.Table, o.ForeignKey.Name)],
        AddCheckConstraintOperation o => [NotValid(o), Validate(o.Table, o.Constraint.Name)],
        AlterColumnNullabilityOperation { IsNullable: false } o => SetNotNull(o),
        AddUniqueConstraintOperation o =>
        [
            .. await buildIndex(new CreateIndexOperation(o.Table, o.Constraint.Name, o.Constraint.Columns, IsUnique: true) { Concurrently = true }).ConfigureAwait(false),
            new SqlStep($"ALTER TABLE {Quote(o.Table)} ADD CONSTRAINT {Quote(o.Constraint.Name)} UNIQUE USING INDEX {Quote(o.Constraint.Name)}")
            {
                Comment = "the unique index was built concurrently; the constraint takes it over in a moment",
            },
        ],
        _ => null,
    };

    private static SqlStep NotValid(MigrationOperation operation)
    {
        var step = PostgresSqlGenerator.Generate(operation).Single();
        return step with { Sql = step.Sql + " NOT VALID", Comment = "added NOT VALID: new rows are checked from now on, existing rows are not scanned under the lock" };
    }

    private static SqlStep Validate(TableName table, string constraint) =>
        new($"ALTER TABLE {Quote(table)} VALIDATE CONSTRAINT {Quote(constraint)}")
        {
            // Committed on its own, so the lock of the ADD is gone while the rows are scanned; running it again does no harm.
            RefusesTransaction = true,
            SafeToRetry = true,
            Comment = $"existing rows checked against {constraint} while reads and writes go on",
        };

    /// <summary>PostgreSQL (12 and later) skips the scan of SET NOT NULL when a validated check already proves it.</summary>
    private static IReadOnlyList<SqlStep> SetNotNull(AlterColumnNullabilityOperation o)
    {
        var check = ProofName(o.Column);
        return
        [
            new SqlStep($"ALTER TABLE {Quote(o.Table)} ADD CONSTRAINT {Quote(check)} CHECK ({Quote(o.Column)} IS NOT NULL) NOT VALID")
            {
                Comment = $"NOT NULL proven first by a check added NOT VALID and validated while reads and writes go on",
            },
            Validate(o.Table, check),
            new SqlStep($"ALTER TABLE {Quote(o.Table)} ALTER COLUMN {Quote(o.Column)} SET NOT NULL") { Comment = "the validated check proves it: no scan under the lock" },
            new SqlStep($"ALTER TABLE {Quote(o.Table)} DROP CONSTRAINT {Quote(check)}"),
        ];
    }

    /// <summary>The temporary check's name, within PostgreSQL's 63 bytes.</summary>
    private static string ProofName(string column)
    {
        const string suffix = "_not_null_proof";
        var name = column + suffix;
        return System.Text.Encoding.UTF8.GetByteCount(name) <= 63 ? name : $"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(column)))[..16].ToLowerInvariant()}{suffix}";
    }
}
