using Migrations.Building;
using Migrations.Operations;

namespace Migrations.Tests.Building;

public class MigrationBuilderTests
{
    [Test]
    public void Column_shorthands_become_table_constraints()
    {
        var m = new MigrationBuilder();
        m.CreateTable("orders", t => t
            .Column("id", c => c.Int64().Identity().PrimaryKey())
            .Column("code", c => c.String(20).NotNull().Unique())
            .Column("customer_id", c => c.Int64().References("customers", "id"))
            .Column("qty", c => c.Int32().Check("qty > 0")));

        var create = (CreateTableOperation)m.Operations.Single();
        Assert.Multiple(() =>
        {
            Assert.That(create.Table, Is.EqualTo(new TableName("orders")));
            Assert.That(create.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "code", "customer_id", "qty" }));
            Assert.That(create.Columns[0].IsIdentity && !create.Columns[0].IsNullable, Is.True);
            Assert.That(create.Columns[1].Type, Is.EqualTo(ColumnType.String(20)));
            Assert.That(create.PrimaryKey, Is.EqualTo(create.PrimaryKey! with { Name = "pk_orders" }));
            Assert.That(create.PrimaryKey!.Columns, Is.EqualTo(new[] { "id" }));
            Assert.That(create.UniqueConstraints.Single().Columns, Is.EqualTo(new[] { "code" }));
            Assert.That(create.ForeignKeys.Single().PrincipalTable, Is.EqualTo(new TableName("customers")));
            Assert.That(create.CheckConstraints.Single().Expression, Is.EqualTo("qty > 0"));
        });
    }

    [Test]
    public void Composite_primary_key_and_second_primary_key_is_an_error()
    {
        var m = new MigrationBuilder();
        m.CreateTable("lines", t => t
            .Column("order_id", c => c.Int64())
            .Column("line", c => c.Int32())
            .PrimaryKey("order_id", "line"));
        Assert.That(((CreateTableOperation)m.Operations[0]).PrimaryKey!.Columns, Is.EqualTo(new[] { "order_id", "line" }));

        var error = Assert.Throws<InvalidOperationException>(() => new MigrationBuilder().CreateTable("x", t => t
            .Column("a", c => c.Int32().PrimaryKey())
            .Column("b", c => c.Int32().PrimaryKey())));
        Assert.That(error!.Message, Does.Contain("two primary keys"));
    }

    [Test]
    public void AddColumn_with_constraints_records_the_column_then_each_constraint()
    {
        var m = new MigrationBuilder();
        m.AddColumn("customers", "email", c => c.String(255).NotNull().Unique().Default("x@example.com"));
        Assert.That(m.Operations.Select(o => o.GetType()), Is.EqualTo(new[] { typeof(AddColumnOperation), typeof(AddUniqueConstraintOperation) }));
        var add = (AddColumnOperation)m.Operations[0];
        Assert.That(add.Column.Default, Is.EqualTo(DefaultValue.Constant("x@example.com")));
        Assert.That(add.Column.IsNullable, Is.False);
    }

    [Test]
    public void AlterColumn_records_one_operation_per_change()
    {
        var m = new MigrationBuilder();
        m.AlterColumn("t", "c", a => a.Type(ColumnType.Int64).NotNull().DropDefault(), schema: "s");
        Assert.That(m.Operations, Is.EqualTo(new MigrationOperation[]
        {
            new AlterColumnTypeOperation(new TableName("t", "s"), "c", ColumnType.Int64),
            new AlterColumnNullabilityOperation(new TableName("t", "s"), "c", IsNullable: false),
            new AlterColumnDefaultOperation(new TableName("t", "s"), "c", null),
        }));
    }

    [Test]
    public void Data_operations_take_anonymous_objects()
    {
        var m = new MigrationBuilder();
        m.InsertData("people", new[] { new { name = "Ann", age = 31 }, new { name = "Bob", age = 42 } });
        m.UpdateData("people", new { age = 32 }, new { name = "Ann" });
        m.DeleteData("people", new { name = "Bob" });

        var insert = (InsertDataOperation)m.Operations[0];
        Assert.That(insert.Columns, Is.EqualTo(new[] { "name", "age" }));
        Assert.That(insert.Rows[1], Is.EqualTo(new object[] { "Bob", 42 }));
        Assert.That(((UpdateDataOperation)m.Operations[1]).Set.Single(), Is.EqualTo(new ColumnValue("age", 32)));
        Assert.That(((DeleteDataOperation)m.Operations[2]).Where.Single(), Is.EqualTo(new ColumnValue("name", "Bob")));
    }

    [Test]
    public void Default_Down_inverts_Up_in_reverse_order()
    {
        var down = new MigrationBuilder();
        new Reversible().Down(down);
        Assert.That(down.Operations, Is.EqualTo(new MigrationOperation[]
        {
            new DropIndexOperation(new TableName("t"), "ix_t_a"),
            new DropColumnOperation(new TableName("t"), "a"),
            new DropTableOperation(new TableName("t")),
        }));
    }

    [Test]
    public void Default_Down_refuses_operations_without_an_inverse()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Irreversible().Down(new MigrationBuilder()));
        Assert.That(error!.Message, Does.Contain("DropTable t").And.Contain("override Down in Irreversible"));
    }

    private sealed class Reversible : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateTable("t", t => t.Column("id", c => c.Int32()))
            .AddColumn("t", "a", c => c.Int32())
            .CreateIndex("t", "a");
    }

    private sealed class Irreversible : Migration
    {
        public override void Up(MigrationBuilder m) => m.DropTable("t");
    }
}
