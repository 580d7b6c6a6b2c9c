using System.Globalization;
using Migrations.Linting;
using Migrations.Operations;

namespace Migrations.DuckDb.Linting;

/// <summary>DuckDB's safety rules: which operations rebuild which tables, with their rows.</summary>
public static class DuckDbLintRules
{
    /// <summary>An operation DuckDB cannot make in place, carried out by copying tables aside and back.</summary>
    public static LintRule Rebuild { get; } = LintRule.Create("DUCK101", LintSeverity.Info,
        "DuckDB cannot make this change in place, so the runner copies the table (and the tables that reference it) aside and back in one transaction: time and disk grow with the rows, and other connections wait for the file meanwhile.",
        "Nothing needs to change (no row or constraint is lost, and a stopped run is undone); for large tables, run it when the database is quiet.",
        (operation, scope) =>
        {
            var tables = scope.Steps.Select(s => s.SetsAside).OfType<TableName>().Distinct().ToArray();
            if (tables.Length == 0)
            {
                return null;
            }

            var reason = scope.Steps.Select(s => s.Comment).FirstOrDefault(c => c is not null);
            return $"rebuilds {string.Join(", ", tables.Select(t => scope.Rows(t) is { } rows ? $"{t} ({rows.ToString("N0", CultureInfo.InvariantCulture)} {(rows == 1 ? "row" : "rows")})" : t.ToString()))}{(reason is null ? "" : $" ({reason})")}.";
        });

    /// <summary>The rules, in id order.</summary>
    public static IReadOnlyList<LintRule> All { get; } = [Rebuild];
}
