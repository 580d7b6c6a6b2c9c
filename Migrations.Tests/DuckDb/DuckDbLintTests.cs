using Migrations.Building;
using Migrations.Operations;
using Migrations.Tests.Support;

namespace Migrations.Tests.DuckDb;

/// <summary>DuckDB's safety finding: which operations rebuild which tables, with the rows they hold.</summary>
public class DuckDbLintTests : DuckDbFileTests
{
    [Test]
    public async Task A_rebuild_is_named_with_the_tables_and_rows_it_copies()
    {
        await Db.Runner(typeof(Parents)).MigrateAsync();

        var report = await Db.Runner(typeof(Parents), typeof(Retype)).LintAsync();

        var rebuild = report.Findings.Single(f => f.Rule.Id == "DUCK101");
        Assert.That(rebuild.Message, Does.StartWith("rebuilds main.parents (3 rows), main.children (1 row) ("));
        Assert.That(rebuild.Operation, Is.InstanceOf<AlterColumnTypeOperation>());
        Assert.That(rebuild.ToString(), Does.StartWith("DUCK101 info: migration 2 Retype \"Retype\", AlterColumnType parents.code to "));
        Assert.That(Db.Rows("SELECT data_type FROM duckdb_columns() WHERE table_name = 'parents' AND column_name = 'code'").Single()[0], Is.EqualTo("INTEGER"), "nothing ran");
    }

    [Migration(1, "Parents")]
    internal sealed class Parents : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateTable("parents", t => t.Column("id", c => c.Int64().PrimaryKey()).Column("code", c => c.Int32()))
            .CreateTable("children", t => t.Column("id", c => c.Int64().PrimaryKey()).Column("parent_id", c => c.Int64().References("parents", "id")))
            .InsertData("parents", ["id", "code"], [1L, 1], [2L, 2], [3L, 3])
            .InsertData("children", ["id", "parent_id"], [1L, 1L]);
    }

    [Migration(2, "Retype")]
    internal sealed class Retype : Migration
    {
        public override void Up(MigrationBuilder m) => m.AlterColumn("parents", "code", a => a.Type(ColumnType.Int64));
    }
}
