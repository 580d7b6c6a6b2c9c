using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Migrations.Operations;

namespace Migrations.Schema;

/// <summary>
/// Where each table of a model's list sits, by its name as the dialect compares names. A run plans
/// every operation against the model the earlier ones leave: with each table found by comparing
/// names one by one and the list copied for every change, planning grew with the square of the
/// migrations (over half a second, and 140 MB, at 3,000). With the positions kept beside each list,
/// and lists and positions both persistent (a change shares everything it does not touch), finding
/// or changing a table costs about the same at the last migration as at the first.
/// </summary>
internal sealed class TablePositions
{
    /// <summary>The positions of each list, for as long as the list lives; a list met first is indexed once.</summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<TableModel>, TablePositions> Known = [];

    /// <summary>Positions boxed: a dictionary over references only is compiled in the framework already, one holding integers would be compiled on every start.</summary>
    private readonly ImmutableDictionary<string, object> _positions;
    private readonly string _defaultSchema;

    private TablePositions(ImmutableDictionary<string, object> positions, string defaultSchema) => (_positions, _defaultSchema) = (positions, defaultSchema);

    /// <summary>The positions in <paramref name="tables"/>, indexing the list the first time it is asked about with these names.</summary>
    /// <param name="tables">A model's tables.</param>
    /// <param name="names">How the dialect resolves and compares names.</param>
    public static TablePositions Of(IReadOnlyList<TableModel> tables, NameResolver names)
    {
        if (Known.TryGetValue(tables, out var known) && ReferenceEquals(known._positions.KeyComparer, names.NameComparer) && known._defaultSchema == names.DefaultSchema)
        {
            return known;
        }

        var positions = ImmutableDictionary.CreateBuilder<string, object>(names.NameComparer);
        for (var index = 0; index < tables.Count; index++)
        {
            // The first of two tables the dialect takes for one is the one found, as a scan would find it.
            positions.TryAdd(Key(names.Resolve(tables[index].Name)), index);
        }

        var indexed = new TablePositions(positions.ToImmutable(), names.DefaultSchema);
        Known.AddOrUpdate(tables, indexed);
        return indexed;
    }

    /// <summary>The list as a persistent tree, so that changing or adding one table does not copy the others.</summary>
    /// <param name="tables">A model's tables.</param>
    public static ImmutableList<TableModel> Tree(IReadOnlyList<TableModel> tables) => tables as ImmutableList<TableModel> ?? ImmutableList.CreateRange(tables);

    /// <summary>The position of the table of that name, or -1.</summary>
    /// <param name="name">The table's name, resolved.</param>
    public int IndexOf(TableName name) => _positions.TryGetValue(Key(name), out var index) ? (int)index : -1;

    /// <summary>Records that <paramref name="changed"/> holds the same names at the same positions: one table changed, not renamed.</summary>
    /// <param name="changed">The list after the change.</param>
    public void SameFor(IReadOnlyList<TableModel> changed) => Known.AddOrUpdate(changed, this);

    /// <summary>Records that <paramref name="grown"/> is this list with one table added at its end.</summary>
    /// <param name="grown">The list after the addition.</param>
    /// <param name="name">The added table's name, resolved.</param>
    public void AppendedFor(IReadOnlyList<TableModel> grown, TableName name)
    {
        var key = Key(name);
        Known.AddOrUpdate(grown, _positions.ContainsKey(key) ? this : new TablePositions(_positions.Add(key, grown.Count - 1), _defaultSchema));
    }

    /// <summary>A resolved name as one string (identifiers hold no NUL): one lookup compares both parts as the dialect does.</summary>
    private static string Key(TableName name) => string.Concat(name.Schema, "\0", name.Name);
}
