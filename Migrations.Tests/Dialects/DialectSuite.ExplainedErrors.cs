using Migrations.Building;
using Migrations.Operations;
using Migrations.Running;

namespace Migrations.Tests.Dialects;

/// <summary>Database errors over existing data, explained in the same words on every database, with the database left as it was.</summary>
public abstract partial class DialectSuite
{
    public static IEnumerable<TestCaseData> ExplainedFailures()
    {
        yield return Explained(typeof(UniqueOverDuplicates), "people already holds rows that repeat email: 'a@example.com' (2 rows). Remove or merge the duplicates first");
        yield return Explained(typeof(NotNullOverNulls), "people has 2 rows with NULL in nick. Fill them first (UpdateData, or Sql(\"UPDATE ... SET nick = ... WHERE nick IS NULL\") before this operation), or keep the column nullable.");
        yield return Explained(typeof(ForeignKeyOverOrphans), "people has 1 row naming a teams row that does not exist (team_id: 99). Delete or correct those rows first, or add the missing teams rows, then add the foreign key.");
        yield return Explained(typeof(CheckOverRows), "people has 1 row failing the check (age >= 0). Correct those rows first, or change the condition.");
        yield return Explained(typeof(CastFails), "A value of people.email cannot become Int32 (", "Convert it with Type(Int32, usingSql: \"...\")");
        yield return Explained(typeof(DuplicateSeedRow), "A seed row repeats a key that people already holds, or that an earlier row of the seed has", "Take the row out of the seed, or change the existing row with UpdateData instead.");
        yield return Explained(typeof(SeedRowWithoutRequiredValue), "A seed row has no value for teams.name, which is NOT NULL and has no default");
        yield return Explained(typeof(SeedRowWithMissingParent), "A row names a parent row that does not exist", "Insert the parent rows first");
        yield return Explained(typeof(DeleteOfReferencedRow), "Rows of another table still reference the rows this removes or changes", "Delete or re-point those rows first");
        yield return Explained(typeof(MissingTableInSql), "The statement names something this database does not have.");
    }

    private static TestCaseData Explained(Type migration, params string[] expected) => new TestCaseData(migration, expected).SetArgDisplayNames(migration.Name);

    [TestCaseSource(nameof(ExplainedFailures))]
    public async Task A_database_error_says_what_was_found_and_what_to_do(Type migration, string[] expected)
    {
        await MigrateAsync(typeof(People));
        var before = Rows("SELECT id, email, nick, team_id, age FROM people ORDER BY id").Select(r => string.Join("|", r)).ToList();

        var error = Assert.ThrowsAsync<MigrationException>(() => MigrateAsync(typeof(People), migration));

        foreach (var text in expected)
        {
            Assert.That(error!.Explanation, Does.Contain(text));
            Assert.That(error.Message, Does.Contain(text));
        }

        Assert.That(Rows("SELECT id, email, nick, team_id, age FROM people ORDER BY id").Select(r => string.Join("|", r)), Is.EqualTo(before));
        Assert.That(Long(Scalar("SELECT count(*) FROM __migrations_history")), Is.EqualTo(1L));
    }

    [Migration(20, "People")]
    internal sealed class People : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateEnum("mood", "sad", "ok")
            .CreateTable("teams", t => t.Column("id", c => c.Int64().PrimaryKey()).Column("name", c => c.String(50).NotNull()))
            .CreateTable("people", t => t
                .Column("id", c => c.Int64().PrimaryKey())
                .Column("email", c => c.String(100))
                .Column("nick", c => c.String(50))
                .Column("team_id", c => c.Int64())
                .Column("age", c => c.Int32())
                .Column("mood", c => c.Enum("mood")))
            .CreateTable("members", t => t.Column("team_id", c => c.Int64().References("teams", "id")))
            .InsertData("teams", ["id", "name"], [1L, "blue"])
            .InsertData("members", ["team_id"], [1L])
            .InsertData("people", ["id", "email", "nick", "team_id", "age", "mood"],
                [1L, "a@example.com", "ann", 1L, 30, "ok"], [2L, "a@example.com", null, 99L, -5, null], [3L, "b@example.com", null, 1L, 40, "sad"]);
    }

    [Migration(21, "Unique over duplicates")]
    internal sealed class UniqueOverDuplicates : Migration
    {
        public override void Up(MigrationBuilder m) => m.AddUniqueConstraint("people", ["email"], "uq_people_email");
    }

    [Migration(21, "Not null over nulls")]
    internal sealed class NotNullOverNulls : Migration
    {
        public override void Up(MigrationBuilder m) => m.AlterColumn("people", "nick", a => a.NotNull());
    }

    [Migration(21, "Foreign key over orphans")]
    internal sealed class ForeignKeyOverOrphans : Migration
    {
        public override void Up(MigrationBuilder m) => m.AddForeignKey("people", ["team_id"], "teams", ["id"], "fk_people_team");
    }

    [Migration(21, "Check over rows")]
    internal sealed class CheckOverRows : Migration
    {
        public override void Up(MigrationBuilder m) => m.AddCheckConstraint("people", "ck_people_age", "age >= 0");
    }

    [Migration(21, "Cast fails")]
    internal sealed class CastFails : Migration
    {
        public override void Up(MigrationBuilder m) => m.AlterColumn("people", "email", a => a.Type(ColumnType.Int32));
    }

    [Migration(21, "Duplicate seed row")]
    internal sealed class DuplicateSeedRow : Migration
    {
        public override void Up(MigrationBuilder m) => m.InsertData("people", ["id", "email"], [1L, "z@example.com"]);
    }

    [Migration(21, "Seed row without required value")]
    internal sealed class SeedRowWithoutRequiredValue : Migration
    {
        public override void Up(MigrationBuilder m) => m.InsertData("teams", ["id"], [2L]);
    }

    [Migration(21, "Seed row with missing parent")]
    internal sealed class SeedRowWithMissingParent : Migration
    {
        public override void Up(MigrationBuilder m) => m.InsertData("members", ["team_id"], [99L]);
    }

    [Migration(21, "Delete of referenced row")]
    internal sealed class DeleteOfReferencedRow : Migration
    {
        public override void Up(MigrationBuilder m) => m.DeleteData("teams", new { id = 1L });
    }

    [Migration(21, "Missing table in SQL")]
    internal sealed class MissingTableInSql : Migration
    {
        public override void Up(MigrationBuilder m) => m.Sql("UPDATE no_such_table SET x = 1");
    }
}
