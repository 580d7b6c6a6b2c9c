using System.Runtime.Serialization;
using Migrations.Building;
using Migrations.Running;

namespace Migrations.Tests.Dialects;

/// <summary>Enum types declared from C# enums: numbers and members in seed data become labels, the same on every path.</summary>
public abstract partial class DialectSuite
{
    public enum Role
    {
        Teacher = 1,
        Student = 2,
        TeachingAssistant = 3,
        [EnumMember(Value = "head of year")]
        HeadOfYear = 4,
    }

    [TestCase(3)]
    [TestCase(60)]
    public async Task Numbers_and_members_seeded_into_a_column_of_a_CSharp_enum_become_its_labels(int rows)
    {
        Members.Rows = rows;
        await MigrateAsync(typeof(Members));

        Assert.That(Rows("SELECT CAST(role AS VARCHAR), count(*) FROM members GROUP BY 1 ORDER BY 1").Select(r => $"{r[0]}:{r[1]}"),
            Is.EqualTo(new[] { $"head of year:{rows / 3}", $"student:{rows - (2 * (rows / 3))}", $"teaching_assistant:{rows / 3}" }));
        Assert.That(Rows("SELECT e FROM (SELECT unnest(enum_range(NULL::role))::VARCHAR AS e) x").Select(r => r[0]),
            Is.EqualTo(new[] { "teacher", "student", "teaching_assistant", "head of year" }), "labels in order of value");
    }

    [Test]
    public async Task Numbers_map_through_the_CSharp_enum_of_a_type_created_in_an_earlier_run()
    {
        Members.Rows = 3;
        await MigrateAsync(typeof(Members));
        await MigrateAsync(typeof(Members), typeof(MoreMembers));

        Assert.That(Rows("SELECT email, CAST(role AS VARCHAR) FROM members WHERE email LIKE 'late%' ORDER BY email"),
            Is.EqualTo(new[] { new object?[] { "late1@example.com", "teacher" }, new object?[] { "late2@example.com", "student" } }));
        Assert.That(Rows("SELECT CAST(role AS VARCHAR) FROM members WHERE email = 'm1@example.com'").Single()[0], Is.EqualTo("teacher"), "UpdateData mapped the member");
    }

    [TestCase(typeof(NumberOutsideTheEnum), 3, "Column members.role is enum role ('teacher', 'student', 'teaching_assistant', 'head of year'); row 2 has the number 7, which is no member of Role (Teacher = 1, Student = 2, TeachingAssistant = 3, HeadOfYear = 4).")]
    [TestCase(typeof(NumberOutsideTheEnum), 60, "Column members.role is enum role ('teacher', 'student', 'teaching_assistant', 'head of year'); row 2 has the number 7, which is no member of Role (Teacher = 1, Student = 2, TeachingAssistant = 3, HeadOfYear = 4).")]
    [TestCase(typeof(LabelOutsideTheEnum), 60, "Column members.role is enum role ('teacher', 'student', 'teaching_assistant', 'head of year'); row 2 has \"admin\", which is not one of them: use one of the labels, or add it with AddEnumValue first.")]
    [TestCase(typeof(NumberForAnEnumOfLabels), 3, "Column pets.kind is enum kind ('cat', 'dog'); row 1 has the number 2, and enum kind was not declared from a C# enum")]
    public async Task A_value_that_is_no_label_is_refused_before_any_sql_naming_column_row_value_and_labels(Type migration, int rows, string expected)
    {
        Members.Rows = rows;
        await MigrateAsync(typeof(Members));

        var error = Assert.ThrowsAsync<MigrationValidationException>(() => MigrateAsync(typeof(Members), migration));

        Assert.That(error!.Message, Does.Contain(expected));
        Assert.That(Long(Scalar("SELECT count(*) FROM members")), Is.EqualTo(rows), "no row was added");
        Assert.That(Long(Scalar("SELECT count(*) FROM __migrations_history")), Is.EqualTo(1L));
        Assert.That(Long(Scalar($"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{DefaultSchema}' AND table_name = 'pets'")), Is.EqualTo(0L), "nothing ran");
    }

    [Migration(10, "Members")]
    internal sealed class Members : Migration
    {
        public static int Rows { get; set; } = 3;

        /// <summary>Numbers as JSON gives them (Int64), and C# members, in the same seed.</summary>
        public override void Up(MigrationBuilder m) => m
            .CreateEnum<Role>()
            .CreateTable("members", t => t.Column("email", c => c.String(100).NotNull().PrimaryKey()).Column("role", c => c.Enum<Role>()))
            .InsertData("members", ["email", "role"], Enumerable.Range(1, Rows)
                .Select(i => new object?[] { $"m{i}@example.com", (i % 3) switch { 0 => 3L, 1 => 2, _ => Role.HeadOfYear } }).ToArray());
    }

    [Migration(11, "More members")]
    internal sealed class MoreMembers : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .InsertData("members", ["email", "role"], ["late1@example.com", 1L], ["late2@example.com", (short)2])
            .UpdateData("members", new { role = Role.Teacher }, new { email = "m1@example.com" });
    }

    [Migration(11, "Number outside the enum")]
    internal sealed class NumberOutsideTheEnum : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateTable("pets", t => t.Column("name", c => c.String(10)))
            .InsertData("members", ["email", "role"], Enumerable.Range(1, Members.Rows).Select(i => new object?[] { $"x{i}@example.com", i == 2 ? 7L : 1L }).ToArray());
    }

    [Migration(11, "Label outside the enum")]
    internal sealed class LabelOutsideTheEnum : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateTable("pets", t => t.Column("name", c => c.String(10)))
            .InsertData("members", ["email", "role"], Enumerable.Range(1, 60).Select(i => new object?[] { $"x{i}@example.com", i == 2 ? "admin" : "student" }).ToArray());
    }

    [Migration(11, "Number for an enum of labels")]
    internal sealed class NumberForAnEnumOfLabels : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateEnum("kind", "cat", "dog")
            .CreateTable("pets", t => t.Column("name", c => c.String(10)).Column("kind", c => c.Enum("kind")))
            .InsertData("pets", ["name", "kind"], ["Rex", 2L]);
    }
}
