namespace Migrations.Schema;

/// <summary>
/// A plain picture of a database schema: tables with their columns, constraints and indexes,
/// and sequences. Read from a live database by a dialect, or advanced by applying operations.
/// </summary>
/// <param name="Tables">The tables.</param>
/// <param name="Sequences">The sequences.</param>
public sealed record SchemaModel(IReadOnlyList<TableModel> Tables, IReadOnlyList<SequenceModel> Sequences)
{
    /// <summary>Enum types with their values in order.</summary>
    public IReadOnlyList<EnumModel> Enums { get; init; } = [];

    /// <summary>Views, with the SQL that defines them.</summary>
    public IReadOnlyList<ViewModel> Views { get; init; } = [];

    /// <summary>A schema with nothing in it.</summary>
    public static SchemaModel Empty { get; } = new([], []);
}
