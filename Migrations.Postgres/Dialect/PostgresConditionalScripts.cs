namespace Migrations.Postgres.Dialect;

/// <summary>A migration in a script as one DO block that runs its statements only when its history row says so.</summary>
internal static class PostgresConditionalScripts
{
    private const string StatementQuote = "$migration_statement$";

    public static string RunIf(string isApplied, bool whenApplied, IReadOnlyList<string> statements)
    {
        if (statements.FirstOrDefault(s => s.Contains(StatementQuote, StringComparison.Ordinal)) is { } clash)
        {
            throw new InvalidOperationException($"A statement contains {StatementQuote}, which the script uses to quote statements: {clash}");
        }

        var body = string.Concat(statements.Select(s => $"\n    EXECUTE {StatementQuote}{s}{StatementQuote};"));
        return $"DO $migration$\nBEGIN\n  IF ({isApplied}) {(whenApplied ? ">" : "=")} 0 THEN{body}\n  END IF;\nEND\n$migration$";
    }
}
