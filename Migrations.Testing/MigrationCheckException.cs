namespace Migrations.Testing;

/// <summary>A check of the migrations found problems; the message lists each, naming the migration and the object.</summary>
public sealed class MigrationCheckException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="check">What was checked.</param>
    /// <param name="problems">What was found, one line each.</param>
    public MigrationCheckException(string check, IReadOnlyList<string> problems)
        : base($"{check}: {problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems.Select(p => " - " + p))}") =>
        Problems = problems;

    /// <summary>What was found, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
