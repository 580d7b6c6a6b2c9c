using Migrations.Building;

namespace Migrations.Tests.DuckDb.Rebuilds;

/// <summary>Builds the context of the current matrix case: "items" with 30 rows and its neighbours.</summary>
[Migration(1, "Matrix context")]
internal sealed class MatrixContext : Migration
{
    public override void Up(MigrationBuilder m)
    {
        var c = MatrixCase.Current;
        var schema = c.Schema;
        if (schema is not null)
        {
            m.Sql($"CREATE SCHEMA {schema}");
        }

        if (c.Context == TableContext.ForeignKeyChild)
        {
            m.CreateTable("owners", t => t.Column("id", col => col.Int64().PrimaryKey()), schema);
            m.InsertData(new Operations.TableName("owners", schema), ["id"], [1L], [2L]);
        }

        m.CreateTable("items", t =>
        {
            t.Column("id", col =>
                {
                    col.Int64().Identity();
                    if (c.HasPrimaryKey)
                    {
                        col.PrimaryKey();
                    }
                })
             .Column("name", col => col.String())
             .Column("qty", col => col.Int32());
            if (c.Context == TableContext.ForeignKeyChild)
            {
                t.Column("owner_id", col => col.Int64().References("owners", "id", schema));
            }

            if (c.Context == TableContext.SelfReferencing)
            {
                t.Column("parent_id", col => col.Int64().References("items", "id", schema));
            }
        }, schema);

        if (c.Context == TableContext.SelfReferencing)
        {
            // A root, then rows that point at it (DuckDB cannot check a self-reference inside one UPDATE).
            m.InsertData(new Operations.TableName("items", schema), ["name", "qty"], ["item 1", 1]);
            m.Sql($"INSERT INTO {c.Qualified("items")} (name, qty, parent_id) SELECT 'item ' || i, i, 1 FROM range(2, 31) r(i)");
        }
        else
        {
            m.InsertData(new Operations.TableName("items", schema), ["name", "qty"], Enumerable.Range(1, 30).Select(i => new object?[] { $"item {i}", i }).ToArray());
        }

        if (c.Context == TableContext.ForeignKeyChild)
        {
            m.Sql($"UPDATE {c.Qualified("items")} SET owner_id = 1 + id % 2");
        }

        if (c.Context is TableContext.ExplicitIndex or TableContext.OtherSchema)
        {
            m.CreateIndex("items", "qty", schema: schema);
        }

        if (c.Context is TableContext.ForeignKeyParent or TableContext.ThreeLevelChain)
        {
            m.CreateTable("children", t => t
                .Column("id", col => col.Int64().Identity().PrimaryKey())
                .Column("item_id", col => col.Int64().NotNull().References("items", "id", schema)), schema);
            m.Sql($"INSERT INTO {c.Qualified("children")} (item_id) SELECT id FROM {c.Qualified("items")}");
            m.CreateIndex("children", "item_id", schema: schema);
        }

        if (c.Context == TableContext.ThreeLevelChain)
        {
            m.CreateTable("grandchildren", t => t
                .Column("id", col => col.Int64().Identity().PrimaryKey())
                .Column("child_id", col => col.Int64().References("children", "id", schema)), schema);
            m.Sql($"INSERT INTO {c.Qualified("grandchildren")} (child_id) SELECT id FROM {c.Qualified("children")}");
        }

        if (c.Context == TableContext.WithView)
        {
            m.Sql("CREATE VIEW items_view AS SELECT id, name, qty FROM items WHERE qty > 0");
        }
    }
}

/// <summary>The operation of the current matrix case, and its undoing.</summary>
[Migration(2, "Matrix operation")]
internal sealed class MatrixChange : Migration
{
    public override void Up(MigrationBuilder m)
    {
        var c = MatrixCase.Current;
        var s = c.Schema;
        switch (c.Operation)
        {
            case MatrixOperation.AddNotNullColumnWithDefault:
                m.AddColumn("items", "code", col => col.String().NotNull().Default("x"), s);
                break;
            case MatrixOperation.AddNotNullBooleanWithDefault:
                // DuckDB writes a boolean default into every row, unlike a number or text.
                m.AddColumn("items", "flag", col => col.Boolean().NotNull().Default(false), s);
                break;
            case MatrixOperation.AddUniqueColumn:
                m.AddColumn("items", "code", col => col.String().Unique(), s);
                break;
            case MatrixOperation.AddCheckedColumn:
                m.AddColumn("items", "score", col => col.Int32().Default(0).Check("score >= 0"), s);
                break;
            case MatrixOperation.AddForeignKeyColumn:
                m.CreateTable("tags", t => t.Column("id", col => col.Int64().PrimaryKey()), s);
                m.InsertData(new Operations.TableName("tags", s), ["id"], [1L]);
                m.AddColumn("items", "tag_id", col => col.Int64().References("tags", "id", s), s);
                break;
            case MatrixOperation.AddPrimaryKeyColumn:
                m.AddColumn("items", "code", col => col.Int64().NotNull().BackfillSql("id * 10").Default(0).PrimaryKey(), s);
                break;
            case MatrixOperation.DropColumn:
                m.DropColumn("items", "qty", s);
                break;
            case MatrixOperation.RenameColumn:
                m.RenameColumn("items", "qty", "quantity", s);
                break;
            case MatrixOperation.ChangeColumnType:
                m.AlterColumn("items", "qty", a => a.Type(Operations.ColumnType.Int64), s);
                break;
            case MatrixOperation.SetNotNull:
                m.AlterColumn("items", "name", a => a.NotNull(), s);
                break;
            case MatrixOperation.SetDefault:
                m.AlterColumn("items", "qty", a => a.Default(7), s);
                break;
            case MatrixOperation.RenameTable:
                m.RenameTable("items", "goods", s);
                break;
            case MatrixOperation.AddUniqueConstraint:
                m.AddUniqueConstraint("items", ["name"], schema: s);
                break;
            case MatrixOperation.AddCheckConstraint:
                m.AddCheckConstraint("items", "ck_items_qty", "qty >= 0", s);
                break;
            case MatrixOperation.DropPrimaryKey:
                m.DropConstraint("items", "pk_items", s);
                break;
        }
    }

    public override void Down(MigrationBuilder m)
    {
        var c = MatrixCase.Current;
        var s = c.Schema;
        switch (c.Operation)
        {
            case MatrixOperation.AddNotNullColumnWithDefault:
                m.DropColumn("items", "code", s);
                break;
            case MatrixOperation.AddNotNullBooleanWithDefault:
                m.DropColumn("items", "flag", s);
                break;
            case MatrixOperation.AddUniqueColumn:
                m.DropConstraint("items", "uq_items_code", s).DropColumn("items", "code", s);
                break;
            case MatrixOperation.AddCheckedColumn:
                m.DropConstraint("items", "ck_items_score", s).DropColumn("items", "score", s);
                break;
            case MatrixOperation.AddForeignKeyColumn:
                m.DropConstraint("items", "fk_items_tag_id", s).DropColumn("items", "tag_id", s).DropTable("tags", s);
                break;
            case MatrixOperation.AddPrimaryKeyColumn:
                m.DropConstraint("items", "pk_items", s).DropColumn("items", "code", s);
                break;
            case MatrixOperation.DropColumn:
                m.AddColumn("items", "qty", col => col.Int32(), s);
                if (c.Context is TableContext.ExplicitIndex or TableContext.OtherSchema)
                {
                    m.CreateIndex("items", "qty", schema: s);
                }

                break;
            case MatrixOperation.RenameColumn:
                m.RenameColumn("items", "quantity", "qty", s);
                break;
            case MatrixOperation.ChangeColumnType:
                m.AlterColumn("items", "qty", a => a.Type(Operations.ColumnType.Int32), s);
                break;
            case MatrixOperation.SetNotNull:
                m.AlterColumn("items", "name", a => a.Nullable(), s);
                break;
            case MatrixOperation.SetDefault:
                m.AlterColumn("items", "qty", a => a.DropDefault(), s);
                break;
            case MatrixOperation.RenameTable:
                m.RenameTable("goods", "items", s);
                break;
            case MatrixOperation.AddUniqueConstraint:
                m.DropConstraint("items", "uq_items_name", s);
                break;
            case MatrixOperation.AddCheckConstraint:
                m.DropConstraint("items", "ck_items_qty", s);
                break;
            case MatrixOperation.DropPrimaryKey:
                m.AddPrimaryKey("items", ["id"], schema: s);
                break;
        }
    }
}
