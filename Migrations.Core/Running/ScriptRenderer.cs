using System.Globalization;
using System.Text;
using Migrations.Dialects;
using Migrations.Linting;

namespace Migrations.Running;

/// <summary>
/// Writes planned steps as an SQL script that runs as it is in the database's own shell: one
/// transaction per migration, values written in as literals, bulk loads as INSERT statements.
/// </summary>
internal static class ScriptRenderer
{
    public static async Task<string> RenderAsync(IMigrationDialect dialect, IReadOnlyList<SqlStep> setup, IReadOnlyList<PlannedMigration> work, IHistoryTableSql historySql, LintReport findings, bool idempotent = false)
    {
        Func<object?, string> literal = dialect is ISqlLiterals literals ? literals.Literal : v => SqlText.Literal(v, uuid => uuid);
        var script = new Script(new StringBuilder(), literal, findings.Findings);
        script.Text.Append(CultureInfo.InvariantCulture, $"-- {dialect.Name}: {work.Count(w => w.Up)} to apply, {work.Count(w => !w.Up)} to revert").AppendLine();
        foreach (var step in setup)
        {
            Append(script, step);
        }

        foreach (var migration in work)
        {
            script.Text.AppendLine()
                .Append(CultureInfo.InvariantCulture, $"-- {migration.Info.Version} {migration.Info.Description} ({(migration.Up ? "Up" : "Down")})").AppendLine();
            var history = await migration.HistoryRowAsync(historySql, executionMilliseconds: 0).ConfigureAwait(false);
            if (idempotent)
            {
                AppendConditional(script, (IConditionalScripts)dialect, migration, history, historySql);
                continue;
            }

            var layout = migration.Layout;
            if (layout.Parts is not null)
            {
                script.Text.AppendLine("-- runs in parts without one transaction (the runner records each part as it completes); the history row after the last");
                foreach (var step in layout.AllSteps.Append(history))
                {
                    Append(script, step);
                }

                continue;
            }

            foreach (var step in layout.BeforeTransaction)
            {
                Append(script, step);
            }

            script.Text.AppendLine("BEGIN TRANSACTION;");
            foreach (var step in layout.InTransaction)
            {
                Append(script, step);
            }

            Append(script, history);
            script.Text.AppendLine("COMMIT;");
        }

        return script.Text.ToString();
    }

    /// <summary>
    /// A migration that runs only where the history says it should: the steps it runs before its
    /// transaction in a block of their own, then the rest with the history row in one transaction.
    /// </summary>
    private static void AppendConditional(Script script, IConditionalScripts conditional, PlannedMigration migration, SqlStep history, IHistoryTableSql historySql)
    {
        var layout = migration.Layout;
        if (layout.Parts is not null)
        {
            throw new MigrationValidationException([
                $"Migration {migration.Info} runs statements the database refuses in a transaction (such as CREATE INDEX CONCURRENTLY), and a conditional script runs each migration in one block: script it without the condition, or from the database itself.",
            ]);
        }

        foreach (var finding in script.Findings.Where(f => migration.Operations.Contains(f.Operation)))
        {
            script.Text.Append("-- ").AppendLine(finding.ToString());
        }

        var isApplied = historySql.IsApplied(migration.Info.Version);
        var condition = ScriptLiterals.Inline(isApplied.Sql, isApplied.Parameters, script.Literal);
        if (layout.BeforeTransaction.Count > 0)
        {
            script.Text.Append(conditional.RunIf(condition, !migration.Up, Statements(script, layout.BeforeTransaction))).AppendLine(";");
        }

        script.Text.AppendLine("BEGIN TRANSACTION;");
        script.Text.Append(conditional.RunIf(condition, !migration.Up, Statements(script, [.. layout.InTransaction, history]))).AppendLine(";");
        script.Text.AppendLine("COMMIT;");
    }

    private static List<string> Statements(Script script, IEnumerable<SqlStep> steps) =>
        steps.SelectMany(s => s.ScriptForm?.Invoke() ?? [s]).Select(s => ScriptLiterals.Inline(s.Sql, s.Parameters, script.Literal)).ToList();

    private static void Append(Script script, SqlStep step)
    {
        // Safety findings stand before the first statement of the operation they concern.
        foreach (var finding in script.Findings.Where(f => step.Source is not null && ReferenceEquals(f.Operation, step.Source) && script.Shown.Add(f)))
        {
            script.Text.Append("-- ").AppendLine(finding.ToString());
        }

        if (step.Comment is not null)
        {
            script.Text.Append("-- ").AppendLine(step.Comment);
        }

        // A bulk load runs through the database's own protocol; the script carries the same rows as INSERTs.
        foreach (var statement in step.ScriptForm?.Invoke() ?? [step])
        {
            script.Text.Append(ScriptLiterals.Inline(statement.Sql, statement.Parameters, script.Literal)).AppendLine(";");
        }
    }

    private sealed record Script(StringBuilder Text, Func<object?, string> Literal, IReadOnlyList<LintFinding> Findings)
    {
        public HashSet<LintFinding> Shown { get; } = new(ReferenceEqualityComparer.Instance);
    }
}
