namespace Migrations.Schema;

/// <summary>One object that differs between the schema the migrations make and the schema there is.</summary>
/// <param name="Kind">Whether the object is missing, not made by any migration, or defined differently.</param>
/// <param name="Object">The object's kind and name, for example <c>column public.books.title</c>.</param>
/// <param name="Expected">The object as the migrations define it, or null when no migration makes it.</param>
/// <param name="Actual">The object as the database has it, or null when it is missing.</param>
public sealed record SchemaDifference(SchemaDifferenceKind Kind, string Object, string? Expected, string? Actual)
{
    /// <summary>The difference as one readable line.</summary>
    public override string ToString() => Kind switch
    {
        SchemaDifferenceKind.Missing => $"missing: {Expected}",
        SchemaDifferenceKind.Unexpected => $"not made by the migrations: {Actual}",
        _ => $"changed: {Object}: the migrations make \"{Definition(Expected)}\", the database has \"{Definition(Actual)}\"",
    };

    /// <summary>A line without the object's name in front, where it starts with it.</summary>
    private string? Definition(string? line) =>
        line is not null && line.StartsWith(Object, StringComparison.Ordinal) ? line[Object.Length..].TrimStart(':', ' ') : line;
}
