namespace Migrations.Dialects;

/// <summary>
/// How a dialect writes a value as an SQL literal, for scripts meant to run as they are in the
/// database's own shell. Dialects that do not implement it get standard SQL literals.
/// </summary>
public interface ISqlLiterals
{
    /// <summary>The value as a literal the database reads back as the same value.</summary>
    /// <param name="value">A parameter value: a number, string, bool, date or time, Guid, byte[] or null.</param>
    string Literal(object? value);
}
