namespace Migrations.Operations;

/// <summary>The name of a table or sequence and, optionally, its schema (the dialect's default schema when null).</summary>
/// <param name="Name">The table's name.</param>
/// <param name="Schema">The schema, or null for the dialect's default.</param>
public readonly record struct TableName(string Name, string? Schema = null)
{
    /// <summary>The name as written in messages: <c>schema.name</c> or <c>name</c>.</summary>
    public override string ToString() => Schema is null ? Name : $"{Schema}.{Name}";
}
