using System.Globalization;
using System.Text;
using Migrations.Dialects;

namespace Migrations.Running;

/// <summary>Writes planned steps as a readable SQL script: one transaction per migration, parameters listed beside their statement.</summary>
internal static class ScriptRenderer
{
    public static async Task<string> RenderAsync(string dialect, IReadOnlyList<SqlStep> setup, IReadOnlyList<PlannedMigration> work, IHistoryTableSql historySql)
    {
        var script = new StringBuilder();
        script.Append(CultureInfo.InvariantCulture, $"-- {dialect}: {work.Count(w => w.Up)} to apply, {work.Count(w => !w.Up)} to revert").AppendLine();
        foreach (var step in setup)
        {
            Append(script, step);
        }

        foreach (var migration in work)
        {
            script.AppendLine()
                .Append(CultureInfo.InvariantCulture, $"-- {migration.Info.Version} {migration.Info.Description} ({(migration.Up ? "Up" : "Down")})").AppendLine();
            var history = await migration.HistoryRowAsync(historySql, executionMilliseconds: 0).ConfigureAwait(false);
            if (migration.Plan.Steps.Any(s => s.RefusesTransaction))
            {
                script.AppendLine("-- runs without a transaction: each statement on its own, the history row after the last");
                foreach (var step in migration.Plan.Steps.Append(history))
                {
                    Append(script, step);
                }

                continue;
            }

            foreach (var step in migration.Plan.Steps.Where(s => s.RunsBeforeTransaction))
            {
                Append(script, step);
            }

            script.AppendLine("BEGIN TRANSACTION;");
            foreach (var step in migration.Plan.Steps.Where(s => !s.RunsBeforeTransaction))
            {
                Append(script, step);
            }

            Append(script, history);
            script.AppendLine("COMMIT;");
        }

        return script.ToString();
    }

    private static void Append(StringBuilder script, SqlStep step)
    {
        if (step.Comment is not null)
        {
            script.Append("-- ").AppendLine(step.Comment);
        }

        script.Append(step.Sql).Append(';');
        if (step.Parameters.Count > 0)
        {
            script.Append(" -- ").Append(string.Join(", ", step.Parameters.Select((p, i) => $"${i + 1} = {Describe(p)}")));
        }

        script.AppendLine();
    }

    private static string Describe(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "NULL",
    };
}
