namespace Migrations.Dialects;

/// <summary>
/// How a dialect writes a migration into a script that skips it where the history already has it
/// (or, going down, no longer has it), so that one script serves databases at any version.
/// Dialects whose SQL has no conditional statements do not implement it.
/// </summary>
public interface IConditionalScripts
{
    /// <summary>The statements as one that runs them only when the migration's history row says so.</summary>
    /// <param name="isApplied">A query returning one integer: greater than zero when the migration is applied (its values written in).</param>
    /// <param name="whenApplied">True to run the statements when the migration is applied (a Down); false when it is not (an Up).</param>
    /// <param name="statements">The migration's statements with their values written in, in order.</param>
    string RunIf(string isApplied, bool whenApplied, IReadOnlyList<string> statements);
}
