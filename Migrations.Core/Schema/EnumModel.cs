using Migrations.Operations;

namespace Migrations.Schema;

/// <summary>An enum type and its values in order.</summary>
/// <param name="Name">The type's name with its schema resolved.</param>
/// <param name="Values">Its values, in order.</param>
public sealed record EnumModel(TableName Name, IReadOnlyList<string> Values)
{
    /// <summary>The C# enum it was declared from in this run, if any (a schema read from the database does not know).</summary>
    public Type? ClrType { get; init; }
}
