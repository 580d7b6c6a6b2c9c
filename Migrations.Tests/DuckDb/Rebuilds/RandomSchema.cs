using Migrations.Building;
using Migrations.Operations;

namespace Migrations.Tests.DuckDb.Rebuilds;

/// <summary>
/// A random schema with rows, and a random sequence of changes that should succeed on it. The
/// generator keeps just enough of its own bookkeeping to pick valid changes; what the database
/// ends up holding is checked against the library's schema model and the rows themselves.
/// </summary>
internal sealed class RandomSchema
{
    private static readonly ColumnType[] Types = [ColumnType.Int32, ColumnType.Int64, ColumnType.String(), ColumnType.Float64, ColumnType.Boolean];

    private readonly Random _random;
    private readonly List<Table> _tables = [];
    private int _names;

    public RandomSchema(int seed)
    {
        _random = new Random(seed);
        Setup = BuildSetup();
        Changes = BuildChanges();
    }

    public IReadOnlyList<MigrationOperation> Setup { get; }

    public IReadOnlyList<MigrationOperation> Changes { get; }

    /// <summary>Per table after the changes: its name, and the columns whose values must be unchanged (by their name before and after).</summary>
    public IEnumerable<(string Before, string After, IReadOnlyList<(string Before, string After)> Kept)> Expectations =>
        _tables.Where(t => !t.Dropped).Select(t => (t.OriginalName, t.Name, (IReadOnlyList<(string, string)>)t.Columns.Where(c => c.Original is not null && !c.Retyped).Select(c => (c.Original!, c.Name)).ToList()));

    private List<MigrationOperation> BuildSetup()
    {
        var m = new MigrationBuilder();
        var count = _random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var table = new Table($"t{i}");
            var parent = i > 0 && _random.NextDouble() < 0.6 ? _tables[_random.Next(i)] : null;
            var selfReferencing = _random.NextDouble() < 0.2;
            var rows = _random.Next(0, 25);
            m.CreateTable(table.Name, t =>
            {
                t.Column("id", c => c.Int64().PrimaryKey());
                foreach (var n in Enumerable.Range(0, _random.Next(1, 4)))
                {
                    var type = Types[_random.Next(Types.Length)];
                    var name = $"c{n}";
                    t.Column(name, c => c.Type(type));
                    table.Columns.Add(new Column(name, type));
                }

                if (parent is not null)
                {
                    t.Column("parent_ref", c => c.Int64().References(parent.Name, "id"));
                    table.Columns.Add(new Column("parent_ref", ColumnType.Int64) { IsForeignKey = true });
                    parent.IsReferenced = true;
                }

                if (selfReferencing)
                {
                    t.Column("up", c => c.Int64().References(table.Name, "id"));
                    table.Columns.Add(new Column("up", ColumnType.Int64) { IsForeignKey = true });
                    table.IsReferenced = true;
                }

                if (_random.NextDouble() < 0.3)
                {
                    t.Check($"ck_{table.Name}_id", "id > 0");
                }
            });

            for (var id = 1; id <= rows; id++)
            {
                var values = new List<object?> { (long)id };
                values.AddRange(table.Columns.Select(c => c.Name switch
                {
                    "parent_ref" => parent!.Rows > 0 && _random.NextDouble() < 0.8 ? (long)_random.Next(1, parent.Rows + 1) : null,
                    "up" => id > 1 && _random.NextDouble() < 0.7 ? (long)_random.Next(1, id) : null,
                    _ => Value(c.Type, id),
                }));
                // One row per statement: DuckDB checks a self-reference row by row within a statement.
                m.InsertData(table.Name, ["id", .. table.Columns.Select(c => c.Name)], values.ToArray());
            }

            table.Rows = rows;
            if (_random.NextDouble() < 0.3 && table.Columns.Count > 0)
            {
                var indexed = table.Columns[_random.Next(table.Columns.Count)].Name;
                m.CreateIndex(table.Name, indexed);
                table.Indexes.Add($"ix_{table.Name}_{indexed}");
            }

            _tables.Add(table);
        }

        return m.Operations.ToList();
    }

    private List<MigrationOperation> BuildChanges()
    {
        var m = new MigrationBuilder();
        var count = _random.Next(1, 5);
        Table? previous = null;
        for (var i = 0; i < count; i++)
        {
            // Often the same table again: consecutive changes to one table share one rebuild.
            var table = previous is { Dropped: false } && _random.NextDouble() < 0.5
                ? previous
                : _tables.Where(t => !t.Dropped).ElementAt(_random.Next(_tables.Count(t => !t.Dropped)));
            previous = table;
            var plain = table.Columns.Where(c => !c.IsForeignKey).ToList();
            switch (_random.Next(11))
            {
                case 0:
                    var added = NewName("n");
                    var type = Types[_random.Next(Types.Length)];
                    m.AddColumn(table.Name, added, c => c.Type(type));
                    table.Columns.Add(new Column(added, type) { Original = null });
                    break;
                case 1:
                    var required = NewName("r");
                    m.AddColumn(table.Name, required, c => c.Int32().NotNull().Default(7));
                    table.Columns.Add(new Column(required, ColumnType.Int32) { Original = null });
                    break;
                case 2 when plain.Count > 1:
                    var dropped = plain[_random.Next(plain.Count)];
                    m.DropColumn(table.Name, dropped.Name);
                    table.Columns.Remove(dropped);
                    table.Indexes.RemoveAll(ix => ix == $"ix_{table.OriginalName}_{dropped.Original}");
                    break;
                case 3 when table.Columns.Count > 0:
                    var renamed = table.Columns[_random.Next(table.Columns.Count)];
                    var newName = NewName("x");
                    m.RenameColumn(table.Name, renamed.Name, newName);
                    renamed.Name = newName;
                    break;
                case 4 when plain.Any(c => c.Type == ColumnType.Int32):
                    var widened = plain.First(c => c.Type == ColumnType.Int32);
                    m.AlterColumn(table.Name, widened.Name, a => a.Type(ColumnType.Int64));
                    widened.Type = ColumnType.Int64;
                    widened.Retyped = true;
                    break;
                case 5:
                    var newTable = NewName("tab");
                    m.RenameTable(table.Name, newTable);
                    table.Name = newTable;
                    break;
                case 6 when plain.Count > 0:
                    var indexed = plain[_random.Next(plain.Count)];
                    var index = NewName("ix");
                    m.CreateIndex(table.Name, indexed.Name, name: index);
                    table.Indexes.Add(index);
                    break;
                case 7 when table.Indexes.Count > 0:
                    m.DropIndex(table.Name, table.Indexes[0]);
                    table.Indexes.RemoveAt(0);
                    break;
                case 8:
                    var check = NewName("ck");
                    m.AddCheckConstraint(table.Name, check, "id > 0");
                    break;
                // A data change followed by a schema change of the same table, in one migration. (Not on a
                // referenced table: DuckDB refuses to update rows that other rows reference.)
                case 9 when table.Rows > 0 && !table.IsReferenced && plain.FirstOrDefault(c => c.Type == ColumnType.Int32 || c.Type == ColumnType.Int64) is { } target:
                    m.Add(new UpdateDataOperation(new TableName(table.Name), [new ColumnValue(target.Name, 42)], [new ColumnValue("id", 1L)]));
                    target.Original = null;
                    var after = NewName("u");
                    m.AddColumn(table.Name, after, c => c.String());
                    table.Columns.Add(new Column(after, ColumnType.String()) { Original = null });
                    break;
                // References only point to earlier tables, so they never form a cycle (which DuckDB cannot build).
                case 10 when _tables.IndexOf(table) > 0:
                    var other = _tables[_random.Next(_tables.IndexOf(table))];
                    var reference = NewName("fk");
                    m.AddColumn(table.Name, reference, c => c.Int64().References(other.Name, "id"));
                    table.Columns.Add(new Column(reference, ColumnType.Int64) { Original = null, IsForeignKey = true });
                    other.IsReferenced = true;
                    break;
                default:
                    var fallback = NewName("f");
                    m.AddColumn(table.Name, fallback, c => c.Boolean().Default(true));
                    table.Columns.Add(new Column(fallback, ColumnType.Boolean) { Original = null });
                    break;
            }
        }

        return m.Operations.ToList();
    }

    private string NewName(string prefix) => $"{prefix}{++_names}";

    private object? Value(ColumnType type, int id) => _random.NextDouble() < 0.15 ? null : type.Kind switch
    {
        ColumnTypeKind.Int32 => _random.Next(-1000, 1000),
        ColumnTypeKind.Int64 => (long)_random.Next() * id,
        ColumnTypeKind.Float64 => Math.Round(_random.NextDouble() * 1000, 3),
        ColumnTypeKind.Boolean => _random.NextDouble() < 0.5,
        _ => $"v{id}-'{_random.Next(1000)}\"",
    };

    private sealed class Table(string name)
    {
        public string OriginalName { get; } = name;

        public string Name { get; set; } = name;

        public List<Column> Columns { get; } = [];

        public List<string> Indexes { get; } = [];

        public int Rows { get; set; }

        public bool IsReferenced { get; set; }

        public bool Dropped { get; set; }
    }

    private sealed class Column(string name, ColumnType type)
    {
        public string? Original { get; set; } = name;

        public string Name { get; set; } = name;

        public ColumnType Type { get; set; } = type;

        public bool Retyped { get; set; }

        public bool IsForeignKey { get; init; }
    }
}
