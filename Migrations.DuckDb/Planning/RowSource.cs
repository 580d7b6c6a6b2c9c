using static Migrations.DuckDb.Dialect.DuckDbSql;

namespace Migrations.DuckDb.Planning;

/// <summary>
/// Where a rebuilt table's values come from: for each column after the changes, the SQL that
/// computes it from the copy of the old rows. Several changes are stacked as nested selects, one
/// per change, so each reads the columns as the change before it left them (a backfill that names
/// a column renamed just before finds it by its new name).
/// </summary>
internal sealed class RowSource
{
    private readonly IReadOnlyList<RowLayer> _layers;

    public RowSource(IReadOnlyList<RowLayer> layers) => _layers = layers;

    /// <summary>The rows as they are: every column keeps its value.</summary>
    public static RowSource Unchanged { get; } = new([]);

    /// <summary>The SQL giving a column's value, over the relation <see cref="From"/> returns.</summary>
    public string Column(string name) =>
        _layers.Count > 0 && _layers[^1].Sources.TryGetValue(name, out var source) ? source : Quote(name);

    /// <summary>The relation to read rows from: the copy itself, or the changes before the last applied to it.</summary>
    public string From(string copy)
    {
        var from = copy;
        for (var i = 0; i < _layers.Count - 1; i++)
        {
            var layer = _layers[i];
            var columns = layer.Columns.Select(c => layer.Sources.TryGetValue(c, out var source) ? $"{source} AS {Quote(c)}" : Quote(c));
            from = $"(SELECT {string.Join(", ", columns)} FROM {from}) AS {Quote($"__migrations_change_{i + 1}")}";
        }

        return from;
    }
}

/// <summary>One change's view of the rows: its columns, and the SQL of those it computes anew (over the columns before it).</summary>
/// <param name="Columns">The table's columns after the change.</param>
/// <param name="Sources">Columns whose values the change computes; others keep the value of the same name.</param>
internal sealed record RowLayer(IReadOnlyList<string> Columns, IReadOnlyDictionary<string, string> Sources);
