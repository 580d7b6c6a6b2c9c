namespace PostgresExample.Migrations;

/// <summary>
/// The app's roles. <c>CreateEnum&lt;Role&gt;()</c> makes the PostgreSQL type <c>role</c> with the
/// labels <c>teacher</c> and <c>student</c>, and seed rows may give a role by its number.
/// </summary>
public enum Role
{
    /// <summary>Teaches sections.</summary>
    Teacher = 1,

    /// <summary>Takes sections.</summary>
    Student = 2,
}
