using Migrations.DuckDb.Dialect;
using Migrations.Operations;
using Migrations.Postgres.Dialect;
using Migrations.Schema;

namespace Migrations.Tests.Schema;

/// <summary>
/// The model a run plans against, advanced operation by operation: tables are found by name as
/// each dialect compares names, after any mix of additions, changes, renames and drops.
/// </summary>
public sealed class SchemaModelApplierTests
{
    private static readonly ColumnDefinition Id = new("id", ColumnType.Int64);

    [Test]
    public void Tables_are_found_by_name_as_each_dialect_compares_names()
    {
        // As read from a database: a plain list, schemas spelled out.
        var read = new SchemaModel([new TableModel(new TableName("Orders", "public"), [])], []);
        var postgres = new NameResolver(PostgresConventions.Instance);
        var duckDb = new NameResolver(DuckDbConventions.Instance);

        Assert.That(postgres.FindTable(read, new TableName("Orders"))?.Name, Is.EqualTo(new TableName("Orders", "public")));
        Assert.That(postgres.FindTable(read, new TableName("orders")), Is.Null, "PostgreSQL compares quoted names exactly");
        Assert.That(postgres.FindTable(read, new TableName("Orders", "other")), Is.Null);
        Assert.That(duckDb.FindTable(read, new TableName("ORDERS", "MAIN")), Is.Null, "DuckDB's default schema is main, not public");
        Assert.That(duckDb.FindTable(read, new TableName("ORDERS", "PUBLIC"))?.Name.Name, Is.EqualTo("Orders"), "DuckDB ignores case");
    }

    [Test]
    public void Each_table_of_a_long_run_is_found_with_every_change_made_to_it()
    {
        var names = new NameResolver(PostgresConventions.Instance);
        var model = SchemaModel.Empty;
        for (var number = 0; number < 500; number++)
        {
            model = Apply(model, new CreateTableOperation(new TableName($"t{number}"), [Id]));
            model = Apply(model, new AddColumnOperation(new TableName($"t{number}", "public"), new ColumnDefinition("extra", ColumnType.Int32)));
            model = Apply(model, new CreateIndexOperation(new TableName($"t{number}"), $"ix_t{number}", ["extra"]));
        }

        for (var number = 0; number < 500; number++)
        {
            var table = names.FindTable(model, new TableName($"t{number}"));
            Assert.That(table?.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "extra" }), $"t{number}");
            Assert.That(table!.Indexes.Single().Name, Is.EqualTo($"ix_t{number}"));
        }

        Assert.That(model.Tables.Select(t => t.Name.Name), Is.EqualTo(Enumerable.Range(0, 500).Select(n => $"t{n}")));
    }

    [Test]
    public void Renames_and_drops_move_tables_and_later_changes_find_them_where_they_are()
    {
        var names = new NameResolver(PostgresConventions.Instance);
        var model = SchemaModel.Empty;
        foreach (var name in new[] { "a", "b", "c" })
        {
            model = Apply(model, new CreateTableOperation(new TableName(name), [Id]));
        }

        model = Apply(model, new DropTableOperation(new TableName("a")));
        model = Apply(model, new RenameTableOperation(new TableName("b"), "renamed"));
        model = Apply(model, new AddColumnOperation(new TableName("c"), new ColumnDefinition("on_c", ColumnType.Int32)));
        model = Apply(model, new AddColumnOperation(new TableName("renamed"), new ColumnDefinition("on_renamed", ColumnType.Int32)));
        model = Apply(model, new CreateTableOperation(new TableName("a"), [Id]));

        Assert.That(model.Tables.Select(t => $"{t.Name.Name}:{string.Join(",", t.Columns.Select(c => c.Name))}"),
            Is.EqualTo(new[] { "renamed:id,on_renamed", "c:id,on_c", "a:id" }));
        Assert.That(names.FindTable(model, new TableName("b")), Is.Null);
        Assert.That(names.FindTable(model, new TableName("a"))?.Columns.Single().Name, Is.EqualTo("id"));
    }

    [Test]
    public void Two_runs_from_one_model_do_not_see_each_others_tables()
    {
        var names = new NameResolver(PostgresConventions.Instance);
        var start = Apply(SchemaModel.Empty, new CreateTableOperation(new TableName("shared"), [Id]));
        var left = Apply(start, new CreateTableOperation(new TableName("left"), [Id]));
        var right = Apply(start, new CreateTableOperation(new TableName("right"), [Id]));
        right = Apply(right, new AddColumnOperation(new TableName("shared"), new ColumnDefinition("on_right", ColumnType.Int32)));

        Assert.That(names.FindTable(left, new TableName("right")), Is.Null);
        Assert.That(names.FindTable(right, new TableName("left")), Is.Null);
        Assert.That(names.FindTable(right, new TableName("right")), Is.Not.Null);
        Assert.That(names.FindTable(left, new TableName("shared"))?.Columns.Count, Is.EqualTo(1));
        Assert.That(names.FindTable(right, new TableName("shared"))?.Columns.Count, Is.EqualTo(2));
        Assert.That(names.FindTable(start, new TableName("left")), Is.Null);
    }

    private static SchemaModel Apply(SchemaModel model, MigrationOperation operation) =>
        model.Apply(operation, PostgresConventions.Instance) ?? throw new InvalidOperationException($"{operation.Describe()} left the model unknown");
}
