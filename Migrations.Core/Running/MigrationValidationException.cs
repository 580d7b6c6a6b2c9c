namespace Migrations.Running;

/// <summary>Migrations that cannot run as written; raised before any of their SQL runs.</summary>
public sealed class MigrationValidationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Each problem, naming the migration and what to do.</param>
    public MigrationValidationException(IReadOnlyList<string> problems)
        : this(problems, innerException: null)
    {
    }

    /// <summary>Creates the exception from the problems found and the exception behind the first of them.</summary>
    /// <param name="problems">Each problem, naming the migration and what to do.</param>
    /// <param name="innerException">What a migration's own code threw, or null.</param>
    public MigrationValidationException(IReadOnlyList<string> problems, Exception? innerException)
        : base("Migrations cannot run as written:" + Environment.NewLine + string.Join(Environment.NewLine, (problems ?? []).Select(p => " - " + p)), innerException)
        => Problems = problems ?? [];

    /// <summary>Each problem, naming the migration and what to do.</summary>
    public IReadOnlyList<string> Problems { get; }
}
