using Migrations.Building;
using Migrations.Running;

namespace Migrations.Tests.Dialects;

/// <summary>Enum types follow the same rules, with the same messages, on every database.</summary>
public abstract partial class DialectSuite
{
    private static readonly AsyncLocal<Action<MigrationBuilder>?> EnumChange = new();

    [Test]
    public async Task Adding_a_value_the_type_has_changes_nothing_and_is_recorded()
    {
        EnumChange.Value = m => m.AddEnumValue("tone", "a");
        await MigrateAsync(typeof(TonedNotes), typeof(ToneChange));

        var tone = (await ReadSchemaAsync()).Enums.Single(e => e.Name.Name == "tone");
        Assert.That(tone.Values, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(Rows("SELECT version FROM __migrations_history ORDER BY version").Count, Is.EqualTo(2));
    }

    public static IEnumerable<TestCaseData> EnumMistakes()
    {
        yield return Mistake("AddEnumValue next to a missing value", m => m.AddEnumValue("tone", "c", after: "zz"), "{0}.tone has no value 'zz' to place 'c' next to. Its values: a, b.");
        yield return Mistake("RenameEnumValue of a missing value", m => m.RenameEnumValue("tone", "zz", "c"), "{0}.tone has no value 'zz'. Its values: a, b.");
        yield return Mistake("RenameEnumValue onto a value it has", m => m.RenameEnumValue("tone", "a", "b"), "{0}.tone already has the value 'b'.");
        yield return Mistake("DropEnumValue of a missing value", m => m.DropEnumValue("tone", "zz"), "{0}.tone has no value 'zz'. Its values: a, b.");
        yield return Mistake("CreateEnum with other values", m => m.CreateEnum("tone", "x"), "{0}.tone already exists with values (a, b): change values with AddEnumValue / RenameEnumValue / DropEnumValue.");
        yield return Mistake("DropEnum in use", m => m.DropEnum("tone"), "{0}.tone is used by {0}.notes.tone: drop those columns or change their type first.");
        yield return Mistake("AddEnumValue to a missing type", m => m.AddEnumValue("hue", "c"), "There is no enum type {0}.hue: create it with CreateEnum first.");
    }

    [TestCaseSource(nameof(EnumMistakes))]
    public async Task An_enum_mistake_is_refused_with_the_same_message_on_every_database(Action<MigrationBuilder> change, string expected)
    {
        EnumChange.Value = change;
        await MigrateAsync(typeof(TonedNotes));
        var dialect = await CreateDialectAsync();
        try
        {
            var runner = new MigrationRunner(dialect, new MigrationRunnerOptions().Add(typeof(TonedNotes), typeof(ToneChange)));
            var error = Assert.ThrowsAsync<MigrationValidationException>(() => runner.MigrateAsync());
            Assert.That(error!.Message, Does.Contain(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, DefaultSchema)));
        }
        finally
        {
            await DisposeAsync(dialect);
        }

        Assert.That(Rows("SELECT version FROM __migrations_history").Count, Is.EqualTo(1), "nothing ran");
        Assert.That((await ReadSchemaAsync()).Enums.Single(e => e.Name.Name == "tone").Values, Is.EqualTo(new[] { "a", "b" }));
    }

    private static TestCaseData Mistake(string name, Action<MigrationBuilder> change, string expected) =>
        new TestCaseData(change, expected).SetArgDisplayNames(name);

    [Migration(1, "Notes with a tone")]
    private sealed class TonedNotes : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateEnum("tone", "a", "b")
            .CreateTable("notes", t => t.Column("id", c => c.Int64().PrimaryKey()).Column("tone", c => c.Enum("tone")));
    }

    [Migration(2, "Tone change")]
    private sealed class ToneChange : Migration
    {
        public override void Up(MigrationBuilder m) => (EnumChange.Value ?? throw new InvalidOperationException("No change is set."))(m);

        public override void Down(MigrationBuilder m)
        {
        }
    }
}
