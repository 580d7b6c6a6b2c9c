using DuckDB.NET.Data;
using Migrations.Tests.Support;

namespace Migrations.Tests.DuckDb.Rebuilds;

/// <summary>
/// Every operation in every table context, on a DuckDB file. Every read below opens the file
/// anew (no connection stays open between them), so each check also proves the change survived
/// closing and reopening the database.
/// </summary>
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class RebuildMatrixTests : DuckDbFileTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        from context in Enum.GetValues<TableContext>()
        from operation in Enum.GetValues<MatrixOperation>()
        where new MatrixCase(context, operation).Applies
        select new TestCaseData(context, operation).SetName($"{operation} on {context}");

    [TestCaseSource(nameof(Cases))]
    public async Task Up_keeps_rows_and_constraints_and_down_restores_the_schema(TableContext context, MatrixOperation operation)
    {
        var c = new MatrixCase(context, operation);
        c.Use();
        var runner = Db.Runner(typeof(MatrixContext), typeof(MatrixChange));
        await runner.MigrateToAsync(1);
        var schema = Db.Catalog();
        var neighbours = Neighbours(c).ToDictionary(t => t, Db.RowChecksum);
        var items = Db.RowChecksum($"(SELECT id, name FROM {c.Qualified("items")})");

        await runner.MigrateAsync();

        Assert.That(Db.RowChecksum($"(SELECT id, name FROM {c.Qualified(c.TableAfter)})"), Is.EqualTo(items), "every row of the changed table");
        foreach (var (table, checksum) in neighbours)
        {
            Assert.That(Db.RowChecksum(table), Is.EqualTo(checksum), $"every row of {table}");
        }

        CheckEffect(c);
        CheckConstraintsStillHold(c);
        items = Db.RowChecksum($"(SELECT id, name FROM {c.Qualified(c.TableAfter)})");

        await runner.MigrateToAsync(1);

        Assert.That(Db.Catalog(), Is.EqualTo(schema), "Down restores the schema");
        Assert.That(Db.RowChecksum($"(SELECT id, name FROM {c.Qualified("items")})"), Is.EqualTo(items), "and keeps the rows");
        CheckConstraintsStillHold(c with { Operation = MatrixOperation.SetDefault });
    }

    private static IEnumerable<string> Neighbours(MatrixCase c) => c.Context switch
    {
        TableContext.ForeignKeyParent => [c.Qualified("children")],
        TableContext.ThreeLevelChain => [c.Qualified("children"), c.Qualified("grandchildren")],
        TableContext.ForeignKeyChild => [c.Qualified("owners")],
        _ => [],
    };

    private void CheckEffect(MatrixCase c)
    {
        var schema = c.Schema ?? "main";
        object? Column(string column, string what) => Db.Scalar($"SELECT {what} FROM duckdb_columns() WHERE schema_name = $1 AND table_name = $2 AND column_name = $3", schema, c.TableAfter, column);
        long Constraints(string type) => (long)Db.Scalar("SELECT count(*) FROM duckdb_constraints() WHERE schema_name = $1 AND table_name = $2 AND constraint_type = $3", schema, c.TableAfter, type)!;
        var items = c.Qualified(c.TableAfter);
        switch (c.Operation)
        {
            case MatrixOperation.AddNotNullColumnWithDefault:
                Assert.That(Db.Scalar($"SELECT count(*) FROM {items} WHERE code = 'x'"), Is.EqualTo(30L));
                Assert.That(Column("code", "is_nullable"), Is.False);
                break;
            case MatrixOperation.AddNotNullBooleanWithDefault:
                Assert.That(Db.Scalar($"SELECT count(*) FROM {items} WHERE NOT flag"), Is.EqualTo(30L));
                Assert.Throws<DuckDBException>(() => Db.Execute($"INSERT INTO {items} (name, flag) VALUES ('new', NULL)"), "not null");
                break;

            // New rows rather than updates: DuckDB refuses to update rows that other tables reference.
            case MatrixOperation.AddUniqueColumn:
                Db.Execute($"INSERT INTO {items} (name, code) VALUES ('new', 'same')");
                Assert.Throws<DuckDBException>(() => Db.Execute($"INSERT INTO {items} (name, code) VALUES ('new', 'same')"), "unique");
                break;
            case MatrixOperation.AddCheckedColumn:
                Assert.That(Db.Scalar($"SELECT count(*) FROM {items} WHERE score = 0"), Is.EqualTo(30L));
                Assert.Throws<DuckDBException>(() => Db.Execute($"INSERT INTO {items} (name, score) VALUES ('new', -1)"), "check");
                break;
            case MatrixOperation.AddForeignKeyColumn:
                Db.Execute($"INSERT INTO {items} (name, tag_id) VALUES ('tagged', 1)");
                Assert.Throws<DuckDBException>(() => Db.Execute($"INSERT INTO {items} (name, tag_id) VALUES ('tagged', 9)"), "foreign key");
                break;
            case MatrixOperation.AddPrimaryKeyColumn:
                Assert.That(Db.Scalar($"SELECT sum(code)::BIGINT FROM {items}"), Is.EqualTo(4650L));
                Assert.That(Constraints("PRIMARY KEY"), Is.EqualTo(1L));
                break;
            case MatrixOperation.DropColumn:
                Assert.That(Column("qty", "count(*)"), Is.EqualTo(0L));
                break;
            case MatrixOperation.RenameColumn:
                Assert.That(Db.Scalar($"SELECT sum(quantity)::BIGINT FROM {items}"), Is.EqualTo(465L));
                if (c.Context == TableContext.WithView)
                {
                    Assert.That(Db.Scalar("SELECT sum(quantity)::BIGINT FROM items_view"), Is.EqualTo(465L), "the view follows the rename");
                }

                break;
            case MatrixOperation.ChangeColumnType:
                Assert.That(Column("qty", "data_type"), Is.EqualTo("BIGINT"));
                Assert.That(Db.Scalar($"SELECT sum(qty)::BIGINT FROM {items}"), Is.EqualTo(465L));
                break;
            case MatrixOperation.SetNotNull:
                Assert.Throws<DuckDBException>(() => Db.Execute($"INSERT INTO {items} (name) VALUES (NULL)"), "not null");
                break;
            case MatrixOperation.SetDefault:
                Assert.That(Column("qty", "column_default"), Is.EqualTo("7"));
                break;
            case MatrixOperation.RenameTable:
                Assert.That(Db.Exists("items"), Is.False);
                if (c.Context == TableContext.WithView)
                {
                    Assert.That(Db.Scalar("SELECT count(*) FROM items_view"), Is.EqualTo(30L), "the view follows the rename");
                }

                break;
            case MatrixOperation.AddUniqueConstraint:
                Assert.Throws<DuckDBException>(() => Db.Execute($"INSERT INTO {items} (name) VALUES ('item 1')"), "unique");
                break;
            case MatrixOperation.AddCheckConstraint:
                Assert.Throws<DuckDBException>(() => Db.Execute($"INSERT INTO {items} (name, qty) VALUES ('new', -1)"), "check");
                break;
            case MatrixOperation.DropPrimaryKey:
                Assert.That(Constraints("PRIMARY KEY"), Is.EqualTo(0L));
                Db.Execute($"INSERT INTO {items} (id, name) VALUES (1, 'duplicate id is allowed now')");
                Db.Execute($"DELETE FROM {items} WHERE name = 'duplicate id is allowed now'");
                break;
        }
    }

    private void CheckConstraintsStillHold(MatrixCase c)
    {
        var items = c.Qualified(c.TableAfter);
        var sequence = c.Qualified("items_id_seq");
        Assert.That((long)Db.Scalar($"SELECT nextval('{sequence}')")!, Is.GreaterThan((long)Db.Scalar($"SELECT max(id) FROM {items}")!), "the sequence continues past every id");
        if (c.HasPrimaryKey && c.Operation != MatrixOperation.DropPrimaryKey)
        {
            Assert.Throws<DuckDBException>(() => Db.Execute($"INSERT INTO {items} (id, name) VALUES (1, 'dup')"), "primary key");
        }

        switch (c.Context)
        {
            case TableContext.ForeignKeyChild:
                Assert.Throws<DuckDBException>(() => Db.Execute($"UPDATE {items} SET owner_id = 99 WHERE id = 1"), "foreign key to owners");
                break;
            case TableContext.ForeignKeyParent or TableContext.ThreeLevelChain:
                Assert.Throws<DuckDBException>(() => Db.Execute($"INSERT INTO {c.Qualified("children")} (item_id) VALUES (999)"), "foreign key from children");
                if (c.Context == TableContext.ThreeLevelChain)
                {
                    Db.Execute($"DELETE FROM {c.Qualified("grandchildren")} WHERE child_id = 30");
                }

                // The parent can still be changed: a corrupted catalog fails right here. (DuckDB itself
                // refuses to update a parent row while children reference it, so the children go first.)
                Db.Execute($"DELETE FROM {c.Qualified("children")} WHERE item_id = 30");
                Db.Execute($"DELETE FROM {items} WHERE id = 30");
                if (c.Context == TableContext.ThreeLevelChain)
                {
                    Db.Execute($"DELETE FROM {c.Qualified("grandchildren")} WHERE child_id = 29");
                }

                Db.Execute($"DELETE FROM {c.Qualified("children")} WHERE item_id = 29");
                Db.Execute($"UPDATE {items} SET name = 'renamed' WHERE id = 29");
                break;
            case TableContext.SelfReferencing:
                Assert.Throws<DuckDBException>(() => Db.Execute($"UPDATE {items} SET parent_id = 999 WHERE id = 2"), "self reference");
                Db.Execute($"DELETE FROM {items} WHERE id = (SELECT max(id) FROM {items})");
                break;
        }
    }
}
