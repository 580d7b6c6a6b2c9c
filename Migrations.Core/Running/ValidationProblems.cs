namespace Migrations.Running;

/// <summary>Problems found before any SQL runs, and the first exception behind one of them (kept as the inner exception).</summary>
internal sealed class ValidationProblems : List<string>
{
    public Exception? Cause { get; set; }

    public MigrationValidationException ToException() => new(this, Cause);
}
