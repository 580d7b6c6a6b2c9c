namespace Migrations.Running;

/// <summary>Migrations that cannot run as written; raised before any of their SQL runs.</summary>
public sealed class MigrationValidationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Each problem, naming the migration and what to do.</param>
    public MigrationValidationException(IReadOnlyList<string> problems)
        : base("Migrations cannot run as written:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
        => Problems = problems;

    /// <summary>Each problem, naming the migration and what to do.</summary>
    public IReadOnlyList<string> Problems { get; }
}
