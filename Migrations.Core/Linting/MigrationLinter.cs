using System.Data.Common;
using System.Reflection;
using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Running;

namespace Migrations.Linting;

/// <summary>
/// Runs the safety rules over the planned migrations of a run, in order. A table counts as new
/// when an earlier operation of the run created it (it is empty, and no running release uses it).
/// </summary>
internal static class MigrationLinter
{
    public static async Task<LintReport> LintAsync(IMigrationDialect dialect, DbConnection connection, IReadOnlyList<PlannedMigration> work, CancellationToken cancellationToken)
    {
        var rules = CommonLintRules.All.Concat(dialect.LintRules).ToArray();
        var rows = await RowsOfRebuiltTablesAsync(connection, work, cancellationToken).ConfigureAwait(false);
        var before = work.Any(w => w.Up && w.Operations.Any(o => o is AlterColumnTypeOperation))
            ? await dialect.ReadSchemaAsync(connection, cancellationToken).ConfigureAwait(false)
            : Schema.SchemaModel.Empty;
        string? StoreType(TableName table, string column) => before.Tables
            .Where(t => t.Name.Name == table.Name && (table.Schema is null || t.Name.Schema == table.Schema))
            .SelectMany(t => t.Columns).FirstOrDefault(c => c.Name == column)?.StoreType;
        var created = new HashSet<string>(StringComparer.Ordinal);
        var findings = new List<LintFinding>();
        foreach (var migration in work.Where(w => w.Up))
        {
            var wholeMigration = AllowedOn(migration.Info.Type);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            for (var index = 0; index < migration.Operations.Count; index++)
            {
                var operation = migration.Operations[index];
                var steps = migration.Plan.Steps.Where(s => ReferenceEquals(s.Source, operation)).ToArray();
                var scope = new LintScope(migration.PlanningOperations, steps, t => created.Contains(t.Name), t => rows.TryGetValue(Key(t), out var n) ? n : null, StoreType);
                foreach (var rule in rules)
                {
                    if ((rule.OncePerMigration && reported.Contains(rule.Id)) || rule.Check(operation, scope) is not { } message)
                    {
                        continue;
                    }

                    reported.Add(rule.Id);
                    var operationIndex = index;
                    var accepted = migration.Accepted.FirstOrDefault(a => a.Operation == operationIndex && a.RuleId == rule.Id).Reason
                        ?? wholeMigration.FirstOrDefault(a => a.RuleId == rule.Id)?.Reason;
                    findings.Add(new LintFinding(rule, migration.Info, operation, message) { SuppressedBecause = accepted });
                }

                if (operation is CreateTableOperation create)
                {
                    created.Add(create.Table.Name);
                }
                else if (operation is RenameTableOperation rename && created.Contains(rename.Table.Name))
                {
                    created.Add(rename.NewName);
                }
            }
        }

        return new LintReport(findings);
    }

    /// <summary>Problems with what migrations accept: a reason is required wherever a rule is accepted.</summary>
    public static IEnumerable<string> Problems(MigrationInfo info) =>
        AllowedOn(info.Type)
            .Where(a => string.IsNullOrWhiteSpace(a.RuleId) || string.IsNullOrWhiteSpace(a.Reason))
            .Select(a => $"Migration {info}: [AllowUnsafe(\"{a.RuleId}\", ...)] needs a rule id and a reason: say why the operation is safe here.");

    /// <summary>The rules a migration class accepts as a whole; asked first whether it has any, which, unlike reading them, creates no attribute.</summary>
    private static AllowUnsafeAttribute[] AllowedOn(Type type) =>
        type.IsDefined(typeof(AllowUnsafeAttribute), inherit: true) ? type.GetCustomAttributes<AllowUnsafeAttribute>().ToArray() : [];

    /// <summary>Counts the rows of the tables the plans copy aside to rebuild, where they exist before the run.</summary>
    private static async Task<Dictionary<string, long>> RowsOfRebuiltTablesAsync(DbConnection connection, IReadOnlyList<PlannedMigration> work, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in work.SelectMany(w => w.Plan.Steps).Select(s => s.SetsAside).OfType<TableName>().Distinct())
        {
            try
            {
                var count = await StepExecutor.ScalarAsync(connection, new SqlStep($"SELECT count(*) FROM {(table.Schema is null ? "" : SqlText.Quote(table.Schema) + ".")}{SqlText.Quote(table.Name)}"), cancellationToken).ConfigureAwait(false);
                counts[Key(table)] = Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (DbException)
            {
                // Made earlier in the same run: not there yet, and empty when it is.
            }
        }

        return counts;
    }

    private static string Key(TableName table) => table.ToString();
}
