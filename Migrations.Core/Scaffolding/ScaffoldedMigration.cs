using Migrations.Operations;

namespace Migrations.Scaffolding;

/// <summary>
/// The operations of a migration worked out from a database rather than written by hand: what
/// <see cref="Up"/> makes, what <see cref="Down"/> undoes, and what could not be expressed.
/// Write it as a C# class with <see cref="MigrationSourceWriter"/>.
/// </summary>
/// <param name="Up">The operations that make the schema (or the change), in an order that runs.</param>
/// <param name="Down">The operations that undo them, in an order that runs.</param>
/// <param name="Warnings">What the operations do not reproduce, one sentence each; written into the class as comments.</param>
public sealed record ScaffoldedMigration(IReadOnlyList<MigrationOperation> Up, IReadOnlyList<MigrationOperation> Down, IReadOnlyList<string> Warnings)
{
    /// <summary>Whether there is nothing to do.</summary>
    public bool IsEmpty => Up.Count == 0;
}
