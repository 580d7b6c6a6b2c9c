using Migrations.Dialects;
using Migrations.Operations;

namespace Migrations.Tests.Dialects;

/// <summary>Every name an operation carries is found, with the words a message uses for it.</summary>
public class OperationNamesTests
{
    [Test]
    public void A_table_with_every_kind_of_constraint_gives_each_name_with_its_words()
    {
        var operation = new CreateTableOperation(new TableName("orders", "sales"),
        [
            new ColumnDefinition("id", ColumnType.Int64),
            new ColumnDefinition("customer_id", ColumnType.Int64),
        ])
        {
            PrimaryKey = new PrimaryKeyConstraint("pk_orders", ["id"]),
            UniqueConstraints = [new UniqueConstraint("uq_orders_customer", ["customer_id"])],
            ForeignKeys = [new ForeignKeyConstraint("fk_orders_customer", ["customer_id"], new TableName("customers", "crm"), ["id"])],
            CheckConstraints = [new CheckConstraint("ck_orders_id", "id > 0")],
        };

        Assert.That(Words(operation), Is.EqualTo(new[]
        {
            "table name=orders", "schema name=sales", "column name=id", "column name=customer_id",
            "primary key name=pk_orders", "column name=id",
            "unique constraint name=uq_orders_customer", "column name=customer_id",
            "foreign key name=fk_orders_customer", "column name=customer_id", "referenced table name=customers", "schema name=crm", "referenced column name=id",
            "check constraint name=ck_orders_id",
        }));
    }

    [Test]
    public void Names_of_one_operation_type_keep_their_words_across_operations()
    {
        // The words are worked out once per type: a second operation of the type must not get the first one's names.
        Assert.Multiple(() =>
        {
            Assert.That(Words(new DropConstraintOperation(new TableName("a"), "ck_a")), Is.EqualTo(new[] { "table name=a", "constraint name=ck_a" }));
            Assert.That(Words(new DropConstraintOperation(new TableName("b"), "ck_b")), Is.EqualTo(new[] { "table name=b", "constraint name=ck_b" }));
            Assert.That(Words(new RenameColumnOperation(new TableName("b"), "x", "y")), Is.EqualTo(new[] { "table name=b", "column name=x", "new name=y" }));
        });
    }

    private static string[] Words(MigrationOperation operation) => OperationNames.Of(operation).Select(n => $"{n.What}={n.Name}").ToArray();
}
