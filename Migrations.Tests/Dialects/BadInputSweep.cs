using Migrations.Building;
using Migrations.Operations;

namespace Migrations.Tests.Dialects;

/// <summary>
/// A broad sweep of bad inputs, each applied as one migration on top of <see cref="DialectSuite.People"/>
/// (teams, people with duplicates, NULLs and an orphan, members referencing teams, an enum mood).
/// Every one must be refused before any SQL, or fail with a message that says what was found and
/// what to do; none may be accepted.
/// </summary>
internal static class BadInputSweep
{
    public static IReadOnlyList<(string Name, Action<MigrationBuilder> Up)> Cases { get; } =
    [
        // Names
        ("empty table name", m => m.CreateTable("", t => t.Column("id", c => c.Int64()))),
        ("whitespace table name", m => m.CreateTable("  ", t => t.Column("id", c => c.Int64()))),
        ("null table name", m => m.CreateTable(null!, t => t.Column("id", c => c.Int64()))),
        ("name with surrounding space", m => m.CreateTable(" t1", t => t.Column("id", c => c.Int64()))),
        ("empty column name", m => m.AddColumn("people", "", c => c.Int32())),
        ("null column name", m => m.AddColumn("people", null!, c => c.Int32())),
        ("table without columns", m => m.CreateTable("t1", _ => { })),
        ("column without type", m => m.CreateTable("t1", t => t.Column("id", _ => { }))),
        ("duplicate column in a table", m => m.CreateTable("t1", t => t.Column("id", c => c.Int64()).Column("ID", c => c.Int64()))),
        ("existing table created again", m => m.CreateTable("people", t => t.Column("id", c => c.Int64()))),
        ("existing column added again", m => m.AddColumn("people", "email", c => c.Text())),
        ("rename table onto another", m => m.RenameTable("people", "teams")),
        ("rename column onto another", m => m.RenameColumn("people", "nick", "email")),

        // Types and defaults
        ("String(0)", m => m.AddColumn("people", "c1", c => c.String(0))),
        ("String(-1)", m => m.AddColumn("people", "c1", c => c.String(-1))),
        ("Decimal(0, 0)", m => m.AddColumn("people", "c1", c => c.Decimal(0, 0))),
        ("Decimal scale over precision", m => m.AddColumn("people", "c1", c => c.Decimal(4, 6))),
        ("custom type without name", m => m.AddColumn("people", "c1", c => c.Type(ColumnType.Custom("")))),
        ("unknown custom type", m => m.AddColumn("people", "c1", c => c.Type(ColumnType.Custom("no_such_type")))),
        ("enum type without name", m => m.AddColumn("people", "c1", c => c.Enum(""))),
        ("unknown enum type", m => m.AddColumn("people", "c1", c => c.Enum("no_such_enum"))),
        ("text default for Int32", m => m.AddColumn("people", "c1", c => c.Int32().Default("abc"))),
        ("Int16 default out of range", m => m.AddColumn("people", "c1", c => c.Int16().Default(100_000))),
        ("bool default of text", m => m.AddColumn("people", "c1", c => c.Boolean().Default("maybe"))),
        ("date default not a date", m => m.AddColumn("people", "c1", c => c.Date().Default("2020-13-45"))),
        ("guid default not a guid", m => m.AddColumn("people", "c1", c => c.Guid().Default("not-a-guid"))),
        ("object default", m => m.AddColumn("people", "c1", c => c.Int32().Default(new object()))),
        ("string default too long", m => m.AddColumn("people", "c1", c => c.String(3).Default("abcdef"))),
        ("identity on text", m => m.CreateTable("t1", t => t.Column("id", c => c.Text().Identity()))),
        ("NOT NULL column without default on rows", m => m.AddColumn("people", "c1", c => c.Int32().NotNull())),
        ("enum default not a label", m => m.AddColumn("people", "c1", c => c.Enum("mood").Default("angry"))),

        // Changes to what is not there
        ("drop missing table", m => m.DropTable("no_such_table")),
        ("rename missing table", m => m.RenameTable("no_such_table", "t2")),
        ("drop missing column", m => m.DropColumn("people", "no_such_column")),
        ("rename missing column", m => m.RenameColumn("people", "no_such_column", "c2")),
        ("retype missing column", m => m.AlterColumn("people", "no_such_column", a => a.Type(ColumnType.Int64))),
        ("NOT NULL on missing column", m => m.AlterColumn("people", "no_such_column", a => a.NotNull())),
        ("default on missing column", m => m.AlterColumn("people", "no_such_column", a => a.Default(1))),
        ("add column to missing table", m => m.AddColumn("no_such_table", "c1", c => c.Int32())),
        ("drop missing constraint", m => m.DropConstraint("people", "no_such_constraint")),
        ("drop missing index", m => m.DropIndex("people", "no_such_index")),
        ("index on missing column", m => m.CreateIndex("people", "no_such_column")),
        ("index on missing table", m => m.CreateIndex("no_such_table", "id")),
        ("index name taken", m => m.CreateIndex("people", "email", name: "ix_x").CreateIndex("people", "nick", name: "ix_x")),
        ("foreign key to missing table", m => m.AddForeignKey("people", ["team_id"], "no_such_table", ["id"])),
        ("foreign key to missing column", m => m.AddForeignKey("people", ["team_id"], "teams", ["no_such_column"])),
        ("foreign key from missing column", m => m.AddForeignKey("people", ["no_such_column"], "teams", ["id"])),
        ("foreign key column count mismatch", m => m.AddForeignKey("people", ["team_id", "age"], "teams", ["id"])),
        ("unique on missing column", m => m.AddUniqueConstraint("people", ["no_such_column"])),
        ("primary key where one exists", m => m.AddPrimaryKey("people", ["email"])),
        ("check with invalid SQL", m => m.AddCheckConstraint("people", "ck_bad", "age >>>> 0")),
        ("check on missing column", m => m.AddCheckConstraint("people", "ck_bad", "no_such_column > 0")),
        ("drop missing sequence", m => m.DropSequence("no_such_sequence")),
        ("sequence created twice", m => m.CreateSequence("s1").CreateSequence("s1")),
        ("sequence incrementing by 0", m => m.CreateSequence("s1", incrementBy: 0)),

        // Data already in the way
        ("unique over duplicates", m => m.AddUniqueConstraint("people", ["email"])),
        ("unique index over duplicates", m => m.CreateIndex("people", "email", unique: true)),
        ("primary key over duplicates", m => m.CreateTable("t1", t => t.Column("v", c => c.Int32())).InsertData("t1", ["v"], [1], [1]).AddPrimaryKey("t1", ["v"])),
        ("NOT NULL over NULLs", m => m.AlterColumn("people", "nick", a => a.NotNull())),
        ("foreign key over orphans", m => m.AddForeignKey("people", ["team_id"], "teams", ["id"])),
        ("check over rows", m => m.AddCheckConstraint("people", "ck_age", "age >= 0")),
        ("text to integer", m => m.AlterColumn("people", "email", a => a.Type(ColumnType.Int32))),
        ("integer narrowed below its values", m => m.UpdateData("people", new { age = 40_000 }, new { id = 1L }).AlterColumn("people", "age", a => a.Type(ColumnType.Int16))),
        ("text shortened below its values", m => m.AlterColumn("people", "email", a => a.Type(ColumnType.String(3)))),
        ("drop enum in use", m => m.DropEnum("mood")),
        ("drop enum value in use", m => m.DropEnumValue("mood", "ok")),
        ("drop missing enum", m => m.DropEnum("no_such_enum")),
        ("enum value added to missing enum", m => m.AddEnumValue("no_such_enum", "x")),
        ("rename missing enum value", m => m.RenameEnumValue("mood", "no_such_value", "x")),
        ("enum with duplicate labels", m => m.CreateEnum("e1", "a", "a")),
        ("enum with empty label", m => m.CreateEnum("e1", "a", "")),
        ("enum created again with other labels", m => m.CreateEnum("mood", "sad", "ok", "happy")),
        ("drop table others reference", m => m.DropTable("teams")),

        // Seed data
        ("insert into missing table", m => m.InsertData("no_such_table", ["id"], [1L])),
        ("insert into missing column", m => m.InsertData("people", ["id", "no_such_column"], [10L, 1])),
        ("row with too many values", m => m.InsertData("people", ["id"], [10L, 1])),
        ("row with too few values", m => m.InsertData("people", ["id", "email"], [10L])),
        ("duplicate key against existing row", m => m.InsertData("people", ["id"], [1L])),
        ("duplicate key inside the seed", m => m.InsertData("people", ["id"], [10L], [10L])),
        ("NULL into NOT NULL", m => m.InsertData("teams", ["id", "name"], [2L, null])),
        ("NOT NULL column left out", m => m.InsertData("teams", ["id"], [2L])),
        ("NULL primary key", m => m.InsertData("people", ["id"], new object?[] { null })),
        ("text into integer column", m => m.InsertData("people", ["id", "age"], [10L, "old"])),
        ("number too large for Int32", m => m.InsertData("people", ["id", "age"], [10L, 10_000_000_000L])),
        ("text too long for its column", m => m.InsertData("teams", ["id", "name"], [2L, new string('x', 60)])),
        ("missing parent", m => m.InsertData("members", ["team_id"], [99L])),
        ("unknown enum label", m => m.InsertData("people", ["id", "mood"], [10L, "angry"])),
        ("number for an enum of labels", m => m.InsertData("people", ["id", "mood"], [10L, 1L])),
        ("unsupported value type", m => m.InsertData("people", ["id", "email"], [10L, new object()])),
        ("many rows, one duplicate", m => m.InsertData("people", ["id"], Enumerable.Range(100, 60).Select(i => new object?[] { (long)i }).Append([1L]).ToArray())),
        ("many rows, one NULL in NOT NULL", m => m.InsertData("teams", ["id", "name"], Enumerable.Range(100, 60).Select(i => new object?[] { (long)i, i == 130 ? null : "t" }).ToArray())),
        ("many rows, one missing parent", m => m.InsertData("members", ["team_id"], Enumerable.Range(0, 60).Select(i => new object?[] { i == 30 ? 99L : 1L }).ToArray())),
        ("many rows, one bad enum label", m => m.InsertData("people", ["id", "mood"], Enumerable.Range(100, 60).Select(i => new object?[] { (long)i, i == 130 ? "angry" : "ok" }).ToArray())),
        ("update without filter", m => m.UpdateData("people", new { nick = "x" }, new { })),
        ("update of missing column", m => m.UpdateData("people", new { no_such_column = 1 }, new { id = 1L })),
        ("update of missing table", m => m.UpdateData("no_such_table", new { a = 1 }, new { id = 1L })),
        ("update to NULL in NOT NULL", m => m.UpdateData("teams", new { name = (string?)null }, new { id = 1L })),
        ("update to a duplicate key", m => m.UpdateData("people", new { id = 1L }, new { id = 3L })),
        ("update to a missing parent", m => m.UpdateData("members", new { team_id = 99L }, new { team_id = 1L })),
        ("update to an unknown enum label", m => m.UpdateData("people", new { mood = "angry" }, new { id = 1L })),
        ("delete without filter", m => m.DeleteData("people", new { })),
        ("delete of referenced row", m => m.DeleteData("teams", new { id = 1L })),
        ("delete from missing table", m => m.DeleteData("no_such_table", new { id = 1L })),

        // Raw SQL and settings
        ("empty SQL", m => m.Sql("")),
        ("whitespace SQL", m => m.Sql("   ")),
        ("SQL syntax error", m => m.Sql("CREATE TABEL t1 (id INT)")),
        ("SQL on a missing table", m => m.Sql("UPDATE no_such_table SET a = 1")),
        ("SQL on a missing column", m => m.Sql("UPDATE people SET no_such_column = 1")),
        ("SQL breaking a constraint", m => m.Sql("INSERT INTO people (id) VALUES (1)")),
        ("negative lock timeout", m => m.Timeouts(lockTimeout: TimeSpan.FromSeconds(-1)).AddColumn("people", "c1", c => c.Int32())),
        ("negative statement timeout", m => m.Timeouts(statementTimeout: TimeSpan.FromSeconds(-1)).AddColumn("people", "c1", c => c.Int32())),
        ("Up that throws", _ => throw new InvalidOperationException("the migration's own code failed")),
        ("Up that records nothing", _ => { }),
    ];
}
