using Migrations.Building;
using Migrations.Operations;

namespace Migrations.Tests.Dialects;

/// <summary>Migrations that must be refused before any SQL runs, each with the words its message must contain.</summary>
internal static class BadInputMigrations
{
    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case(typeof(WhitespaceTable), "CreateTable", "table name \"   \" is only whitespace");
        yield return Case(typeof(WhitespaceColumn), "AddColumn", "column name \" \" is only whitespace");
        yield return Case(typeof(NullColumn), "CreateTable", "column name is null");
        yield return Case(typeof(TrailingSpace), "CreateTable", "starts or ends with whitespace");
        yield return Case(typeof(ZeroLengthString), "CreateTable", "String(0) has no room for text");
        yield return Case(typeof(TextDefaultForNumber), "CreateTable", "the text \"abc\", which is not a Int32 value");
        yield return Case(typeof(ObjectDefault), "CreateTable", "must be a number, string, bool");
        yield return Case(typeof(NegativeTimeout), "Timeouts", "lock timeout is -00:00:01");
        yield return Case(typeof(TooManyValues), "InsertData", "Row 2 has 3 values for 2 columns");
        yield return Case(typeof(TooFewValues), "InsertData", "Row 1 has 1 values for 2 columns");
        yield return Case(typeof(EmptySql), "Sql", "The SQL is empty");
        yield return Case(typeof(ThrowsInUp), "Up threw", "KeyNotFoundException", "no such setting");
        yield return Case(typeof(DuplicateColumn), "CreateTable", "column \"id\" is named 2 times");
        yield return Case(typeof(DropMissingColumn), "DropColumn", "has no column \"subtitle\"", "nothing would change");
        yield return Case(typeof(RenameMissingColumn), "RenameColumn", "has no column \"subtitle\"");
        yield return Case(typeof(RetypeMissingColumn), "AlterColumnType", "has no column \"subtitle\"");
        yield return Case(typeof(NotNullOnMissingColumn), "AlterColumnNullability", "has no column \"subtitle\"");
        yield return Case(typeof(DefaultOnMissingColumn), "AlterColumnDefault", "has no column \"subtitle\"");
        yield return Case(typeof(DropMissingTable), "DropTable", "tunes does not exist");
        yield return Case(typeof(FlagsEnum), "CreateEnum", "Permissions is a [Flags] enum");
        yield return Case(typeof(AliasedEnumMembers), "CreateEnum", "Size.Large and Big share the value 3");
        yield return Case(typeof(TextIdentity), "CreateTable", "Identity column \"id\" is", "identity columns must be Int16, Int32 or Int64");
    }

    private static TestCaseData Case(Type migration, params string[] expected) =>
        new TestCaseData(migration, expected).SetArgDisplayNames(migration.Name);

    [Migration(10, "Whitespace table")]
    internal sealed class WhitespaceTable : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("   ", t => t.Column("id", c => c.Int64()));

        public override void Down(MigrationBuilder m) => m.DropTable("   ");
    }

    [Migration(10, "Text identity")]
    internal sealed class TextIdentity : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("t", t => t.Column("id", c => c.String(20).Identity()));
    }

    [Migration(10, "Whitespace column")]
    internal sealed class WhitespaceColumn : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("t", t => t.Column("id", c => c.Int64())).AddColumn("t", " ", c => c.Int32());
    }

    [Migration(10, "Null column")]
    internal sealed class NullColumn : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("t", t => t.Column(null!, c => c.Int64()));
    }

    [Migration(10, "Trailing space")]
    internal sealed class TrailingSpace : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("t ", t => t.Column("id", c => c.Int64()));
    }

    [Migration(10, "Zero-length string")]
    internal sealed class ZeroLengthString : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("t", t => t.Column("name", c => c.String(0)));
    }

    [Migration(10, "Text default for a number")]
    internal sealed class TextDefaultForNumber : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("t", t => t.Column("n", c => c.Int32().Default("abc")));
    }

    [Migration(10, "Object default")]
    internal sealed class ObjectDefault : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("t", t => t.Column("n", c => c.String().Default(new object())));
    }

    [Migration(10, "Negative timeout")]
    internal sealed class NegativeTimeout : Migration
    {
        public override void Up(MigrationBuilder m) => m.Timeouts(lockTimeout: TimeSpan.FromSeconds(-1)).CreateTable("t", t => t.Column("id", c => c.Int64()));
    }

    [Migration(10, "Too many values")]
    internal sealed class TooManyValues : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("t", t => t.Column("a", c => c.Int64()).Column("b", c => c.Int64()))
            .InsertData("t", ["a", "b"], [1L, 2L], [1L, 2L, 3L]);
    }

    [Migration(10, "Too few values")]
    internal sealed class TooFewValues : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("t", t => t.Column("a", c => c.Int64()).Column("b", c => c.Int64()))
            .InsertData("t", ["a", "b"], [1L]);
    }

    [Migration(10, "Empty SQL")]
    internal sealed class EmptySql : Migration
    {
        public override void Up(MigrationBuilder m) => m.Sql("");

        public override void Down(MigrationBuilder m) => m.Sql("SELECT 1");
    }

    [Migration(10, "Throws in Up")]
    internal sealed class ThrowsInUp : Migration
    {
        public override void Up(MigrationBuilder m) => throw new KeyNotFoundException("no such setting");
    }

    [Migration(10, "Duplicate column")]
    internal sealed class DuplicateColumn : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("t", t => t.Column("id", c => c.Int64()).Column("ID", c => c.Int32()));
    }

    [Migration(10, "Drop a missing column")]
    internal sealed class DropMissingColumn : Migration
    {
        public override void Up(MigrationBuilder m) => m.DropColumn("books", "subtitle");

        public override void Down(MigrationBuilder m) => m.AddColumn("books", "subtitle", c => c.String());
    }

    [Migration(10, "Rename a missing column")]
    internal sealed class RenameMissingColumn : Migration
    {
        public override void Up(MigrationBuilder m) => m.RenameColumn("books", "subtitle", "tagline");
    }

    [Migration(10, "Retype a missing column")]
    internal sealed class RetypeMissingColumn : Migration
    {
        public override void Up(MigrationBuilder m) => m.AlterColumn("books", "subtitle", a => a.Type(ColumnType.Text));

        public override void Down(MigrationBuilder m) => m.AlterColumn("books", "subtitle", a => a.Type(ColumnType.String(10)));
    }

    [Migration(10, "Not null on a missing column")]
    internal sealed class NotNullOnMissingColumn : Migration
    {
        public override void Up(MigrationBuilder m) => m.AlterColumn("books", "subtitle", a => a.NotNull());
    }

    [Migration(10, "Default on a missing column")]
    internal sealed class DefaultOnMissingColumn : Migration
    {
        public override void Up(MigrationBuilder m) => m.AlterColumn("books", "subtitle", a => a.Default("none"));
    }

    [Migration(10, "Drop a missing table")]
    internal sealed class DropMissingTable : Migration
    {
        public override void Up(MigrationBuilder m) => m.DropTable("tunes");

        public override void Down(MigrationBuilder m) => m.CreateTable("tunes", t => t.Column("id", c => c.Int64()));
    }

    [Flags]
    public enum Permissions
    {
        None = 0,
        Read = 1,
        Write = 2,
    }

    public enum Size
    {
        Small = 1,
        Large = 3,
        Big = Large,
    }

    [Migration(10, "Flags enum")]
    internal sealed class FlagsEnum : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateEnum<Permissions>();
    }

    [Migration(10, "Aliased enum members")]
    internal sealed class AliasedEnumMembers : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateEnum<Size>();
    }
}
