using System.Text;

namespace Migrations.Schema;

/// <summary>
/// How a database's schema differs from the schema its applied migrations make. The history and
/// progress tables are left out; a sequence's current value and a column's position are not schema.
/// </summary>
/// <param name="Database">The database's kind, for example <c>PostgreSQL</c>.</param>
/// <param name="Version">The version the compared migrations end at (0 when none is applied).</param>
/// <param name="Differences">Every object that differs, by kind and name.</param>
public sealed record SchemaDrift(string Database, long Version, IReadOnlyList<SchemaDifference> Differences)
{
    /// <summary>Applied versions that no known migration has: what they made cannot be compared.</summary>
    public IReadOnlyList<long> UnknownVersions { get; init; } = [];

    /// <summary>True when the database has the schema its migrations make.</summary>
    public bool IsClean => Differences.Count == 0;

    /// <summary>A readable report: a summary line and one line per difference.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(IsClean
            ? $"No drift on {Database}: the schema is what the migrations up to version {Version} make."
            : $"Schema drift on {Database}: {Differences.Count} {(Differences.Count == 1 ? "object differs" : "objects differ")} from what the migrations up to version {Version} make.");
        foreach (var difference in Differences)
        {
            text.Append("\n  ").Append(difference);
        }

        if (UnknownVersions.Count > 0)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n  Versions {string.Join(", ", UnknownVersions)} are applied but no known migration has them; what they made is not compared.");
        }

        return text.ToString();
    }

    /// <summary>The differences between two schemas, object by object.</summary>
    /// <param name="database">The database's kind, for messages.</param>
    /// <param name="version">The version the expected schema stands for.</param>
    /// <param name="expected">The schema the migrations make.</param>
    /// <param name="actual">The schema the database has.</param>
    /// <param name="include">Which tables to compare; all when null.</param>
    public static SchemaDrift Compare(string database, long version, SchemaModel expected, SchemaModel actual, Func<Operations.TableName, bool>? include = null)
    {
        var wanted = ByKey(expected, include);
        var found = ByKey(actual, include);
        var differences = new List<SchemaDifference>();
        foreach (var (key, line) in wanted)
        {
            if (!found.TryGetValue(key, out var other))
            {
                differences.Add(new SchemaDifference(SchemaDifferenceKind.Missing, key, line, null));
            }
            else if (other != line)
            {
                differences.Add(new SchemaDifference(SchemaDifferenceKind.Changed, key, line, other));
            }
        }

        differences.AddRange(found.Where(f => !wanted.ContainsKey(f.Key)).Select(f => new SchemaDifference(SchemaDifferenceKind.Unexpected, f.Key, null, f.Value)));
        return new SchemaDrift(database, version, differences.OrderBy(d => d.Object, StringComparer.Ordinal).ToArray());
    }

    /// <summary>Entries by key; objects a database lets share a name (unnamed checks, say) are numbered in order.</summary>
    private static Dictionary<string, string> ByKey(SchemaModel model, Func<Operations.TableName, bool>? include)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in SchemaText.Entries(model, include, columnPositions: false).GroupBy(e => e.Key, StringComparer.Ordinal))
        {
            var n = 0;
            foreach (var (key, line) in group.OrderBy(e => e.Line, StringComparer.Ordinal))
            {
                entries[n++ == 0 ? key : $"{key} #{n}"] = line;
            }
        }

        return entries;
    }
}
