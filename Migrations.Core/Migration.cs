using Migrations.Building;

namespace Migrations;

/// <summary>
/// A versioned change to a database schema. Derive from it, mark the class with
/// <see cref="MigrationAttribute"/> and describe the change in <see cref="Up"/>.
/// </summary>
public abstract class Migration
{
    /// <summary>Describes the change that moves the database forward.</summary>
    /// <param name="migration">Records the operations of this migration.</param>
    public abstract void Up(MigrationBuilder migration);

    /// <summary>
    /// Describes how to undo <see cref="Up"/>. When not overridden, the inverse of every
    /// operation recorded by <see cref="Up"/> is used, in reverse order; operations without an
    /// unambiguous inverse (drops, data changes, raw SQL) make this fail with a message asking
    /// for an explicit <c>Down</c>.
    /// </summary>
    /// <param name="migration">Records the operations that undo this migration.</param>
    public virtual void Down(MigrationBuilder migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var up = new MigrationBuilder();
        Up(up);
        for (var i = up.Operations.Count - 1; i >= 0; i--)
        {
            var operation = up.Operations[i];
            var inverse = Operations.OperationInverter.Invert(operation)
                ?? throw new InvalidOperationException(
                    $"{operation.Describe()} has no automatic inverse: override Down in {GetType().Name} to say how to undo it.");
            migration.Add(inverse);
        }
    }
}
