using Migrations.Building;
using Migrations.Running;
using Migrations.Tests.Support;

namespace Migrations.Tests.Dialects;

/// <summary>Edited and out-of-order migrations: refused before any SQL, allowed only when asked, repaired on request.</summary>
public abstract partial class DialectSuite
{
    [Test]
    public async Task An_edited_applied_migration_stops_the_run_before_any_sql()
    {
        await MigrateAsync(typeof(Library));
        var history = HistoryRows();

        var error = Assert.ThrowsAsync<MigrationValidationException>(() => MigrateAsync(typeof(LibraryEdited), typeof(Slugs)));

        Assert.That(error!.Problems, Has.Count.EqualTo(1));
        Assert.That(error.Problems[0], Does.StartWith("Migration 1 LibraryEdited \"Library\" was edited after it was applied on ")
            .And.Contain("Nothing was run. Undo the edit and make the change in a new migration")
            .And.Contain("RepairAsync").And.Contain("AllowChangedMigrations"));
        Assert.That(HistoryRows(), Is.EqualTo(history));
        Assert.That(Columns("books").Select(c => c.Split(' ')[0]), Does.Not.Contain("slug"), "the pending migration did not run");
    }

    [Test]
    public async Task An_edited_migration_runs_when_allowed_and_repair_records_the_code()
    {
        await MigrateAsync(typeof(Library));
        var before = HistoryRows().Single();
        var dialect = await CreateDialectAsync();
        var log = new ListLogger<MigrationRunner>();
        var allowing = new MigrationRunner(dialect, new MigrationRunnerOptions { AllowChangedMigrations = true }.Add(typeof(LibraryEdited), typeof(Slugs)), log);

        await allowing.MigrateAsync();

        Assert.That(Columns("books").Select(c => c.Split(' ')[0]), Does.Contain("slug"));
        Assert.That(log.Lines.Select(l => l.Message), Does.Contain("Migration 1 \"Library\" was edited after it was applied; running anyway because AllowChangedMigrations is set"));
        Assert.That(HistoryRows()[0], Is.EqualTo(before), "allowing does not rewrite the history");

        var runner = new MigrationRunner(dialect, new MigrationRunnerOptions().Add(typeof(LibraryEdited), typeof(Slugs)));
        var repaired = await runner.RepairAsync();
        var status = await runner.GetStatusAsync();
        await DisposeAsync(dialect);

        Assert.That(repaired.Select(r => r.Version), Is.EqualTo(new[] { Library.Version }));
        Assert.That(status.Changed, Is.Empty);
        var after = HistoryRows()[0];
        Assert.That(after[0], Is.EqualTo(before[0]));
        Assert.That(after[1], Is.Not.EqualTo(before[1]), "the checksum of the edited code is recorded");
        Assert.That(await new MigrationRunner(await CreateDialectAsync(), new MigrationRunnerOptions().Add(typeof(LibraryEdited), typeof(Slugs))).RepairAsync(), Is.Empty, "nothing left to repair");
    }

    [Test]
    public async Task A_pending_migration_older_than_the_newest_applied_is_refused_unless_allowed()
    {
        await MigrateAsync(typeof(Library), typeof(Late));
        var history = HistoryRows();

        var error = Assert.ThrowsAsync<MigrationValidationException>(() => MigrateAsync(typeof(Library), typeof(Slugs), typeof(Late)));

        Assert.That(error!.Problems.Single(), Is.EqualTo(
            "Migration 2 Slugs \"Slugs\" is pending but version 3 is already applied: running it now would run it after migrations written to follow it (out of order). " +
            "Nothing was run. Give it a version above 3, or set AllowOutOfOrder to apply it anyway (it is then logged as applied out of order)."));
        Assert.That(HistoryRows(), Is.EqualTo(history));
        var script = Assert.ThrowsAsync<MigrationValidationException>(() => WithRunnerAsync(r => r.ScriptAsync(), typeof(Library), typeof(Slugs), typeof(Late)));
        Assert.That(script!.Problems, Is.EqualTo(error.Problems), "a script of what would run is refused alike");

        var dialect = await CreateDialectAsync();
        var log = new ListLogger<MigrationRunner>();
        var runner = new MigrationRunner(dialect, new MigrationRunnerOptions { AllowOutOfOrder = true }.Add(typeof(Library), typeof(Slugs), typeof(Late)), log);
        var status = await runner.GetStatusAsync();
        var result = await runner.MigrateAsync();
        await DisposeAsync(dialect);

        Assert.That(status.OutOfOrder.Select(o => o.Version), Is.EqualTo(new[] { 2L }));
        Assert.That(result.Applied.Select(a => a.Version), Is.EqualTo(new[] { 2L }));
        Assert.That(Rows("SELECT version FROM __migrations_history ORDER BY version").Select(r => Long(r[0])), Is.EqualTo(new[] { 1L, 2L, 3L }));
        Assert.That(Rows("SELECT slug FROM books ORDER BY id").Select(r => r[0]), Is.EqualTo(new[] { "dune-1", "emma-2" }));
        Assert.That(log.Lines.Select(l => l.Message), Does.Contain("Migration 2 \"Slugs\" is applied out of order: version 3 is already applied"));
    }

    [TestCase("legacy")]
    [TestCase("text rows")]
    public async Task A_history_row_written_with_an_earlier_checksum_form_still_matches(string form)
    {
        await MigrateAsync(typeof(Library));
        var legacy = form == "legacy" ? OperationChecksum.ComputeLegacy(Operations(new Library())) : OperationChecksum.ComputeTextRows(Operations(new Library()));
        Execute($"UPDATE __migrations_history SET checksum = '{legacy}'");

        var dialect = await CreateDialectAsync();
        var runner = new MigrationRunner(dialect, new MigrationRunnerOptions().Add(typeof(Library), typeof(Slugs)));
        var changed = (await runner.GetStatusAsync()).Changed;
        await runner.MigrateAsync();
        await DisposeAsync(dialect);

        Assert.That(legacy, Is.Not.EqualTo(OperationChecksum.Compute(Operations(new Library()))), "the forms differ");
        Assert.That(changed, Is.Empty);
        Assert.That(Columns("books").Select(c => c.Split(' ')[0]), Does.Contain("slug"));
    }

    private static IReadOnlyList<Operations.MigrationOperation> Operations(Migration migration)
    {
        var builder = new MigrationBuilder();
        migration.Up(builder);
        return builder.Operations;
    }

    private List<object?[]> HistoryRows() => Rows("SELECT version, checksum, description FROM __migrations_history ORDER BY version");

    /// <summary><see cref="Library"/> as someone edited it after it was applied: the price has more digits.</summary>
    [Migration(Library.Version, "Library")]
    internal sealed class LibraryEdited : Migration
    {
        public override void Up(MigrationBuilder m) => Library.Record(m, pricePrecision: 10);

        public override void Down(MigrationBuilder m) => m.DropTable("books").DropTable("authors");
    }

    [Migration(3, "Late")]
    internal sealed class Late : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("racks", t => t.Column("id", c => c.Int64().PrimaryKey()));
    }
}
