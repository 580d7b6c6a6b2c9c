using Migrations.Building;
using Migrations.Operations;
using Migrations.Running;

namespace Migrations.Tests.Dialects;

/// <summary>Drift against the schema the applied migrations make, and baselines of databases made without them.</summary>
public abstract partial class DialectSuite
{
    /// <summary>Counts shadow databases this test's database left on the server; null where shadows are files.</summary>
    protected virtual string? ShadowsLeftQuery => null;

    [Test]
    public async Task Drift_is_clean_after_migrating_and_names_each_change_made_by_hand()
    {
        await MigrateAsync(typeof(Library), typeof(Shelves));
        var clean = await WithRunnerAsync(r => r.GetDriftAsync(), typeof(Library), typeof(Shelves));

        Execute("DROP INDEX ix_shelves_label");
        Execute("ALTER TABLE bins ALTER COLUMN id TYPE VARCHAR(20)");
        Execute("CREATE TABLE audit (id INTEGER)");
        var drift = await WithRunnerAsync(r => r.GetDriftAsync(), typeof(Library), typeof(Shelves));

        Assert.That(clean.IsClean, Is.True, clean.ToString());
        Assert.That(clean.Version, Is.EqualTo(2L));
        Assert.That(drift.Differences.Select(d => $"{d.Kind} {d.Object}"), Is.EqualTo(new[]
        {
            $"Unexpected column {DefaultSchema}.audit.id",
            $"Changed column {DefaultSchema}.bins.id",
            $"Missing index ix_shelves_label on {DefaultSchema}.shelves",
            $"Unexpected table {DefaultSchema}.audit",
        }));
        Assert.That(drift.ToString(), Does.StartWith($"Schema drift on {(DefaultSchema == "main" ? "DuckDB" : "PostgreSQL")}: 4 objects differ from what the migrations up to version 2 make.")
            .And.Contain($"\n  missing: index ix_shelves_label on {DefaultSchema}.shelves (label)")
            .And.Contain($"\n  changed: column {DefaultSchema}.bins.id: the migrations make \"{TypeName(ColumnType.Int64)}"));
        if (ShadowsLeftQuery is { } query)
        {
            Assert.That(Long(Scalar(query)), Is.Zero, "the shadow databases were dropped");
        }
    }

    [Test]
    public async Task A_database_made_without_migrations_is_baselined_then_migrated_on()
    {
        await MigrateAsync(typeof(Library), typeof(Shelves));
        Execute("DROP TABLE __migrations_history");

        var baselined = await WithRunnerAsync(r => r.BaselineAsync(2), typeof(Library), typeof(Shelves), typeof(Late));
        var status = await WithRunnerAsync(r => r.GetStatusAsync(), typeof(Library), typeof(Shelves), typeof(Late));
        await MigrateAsync(typeof(Library), typeof(Shelves), typeof(Late));

        Assert.That(baselined.Select(b => b.Version), Is.EqualTo(new[] { 1L, 2L }));
        Assert.That(status.Changed, Is.Empty, "the baseline records the code's checksums");
        Assert.That(status.Pending.Select(p => p.Version), Is.EqualTo(new[] { 3L }));
        Assert.That(Rows("SELECT version FROM __migrations_history ORDER BY version").Select(r => Long(r[0])), Is.EqualTo(new[] { 1L, 2L, 3L }));
        Assert.That(Long(Scalar("SELECT count(*) FROM books")), Is.EqualTo(2L), "Library's seed did not run again");
        Assert.That(Long(Scalar("SELECT count(*) FROM racks")), Is.Zero, "Late ran and made its table");
    }

    [Test]
    public async Task A_baseline_is_refused_when_the_schema_differs_or_the_history_has_rows()
    {
        await MigrateAsync(typeof(Library), typeof(Shelves));
        var withHistory = Assert.ThrowsAsync<MigrationValidationException>(() => WithRunnerAsync(r => r.BaselineAsync(2), typeof(Library), typeof(Shelves)));
        Execute("DROP TABLE __migrations_history");
        Execute("DROP INDEX ix_shelves_label");

        var differs = Assert.ThrowsAsync<MigrationValidationException>(() => WithRunnerAsync(r => r.BaselineAsync(2), typeof(Library), typeof(Shelves)));
        var tooEarly = Assert.ThrowsAsync<MigrationValidationException>(() => WithRunnerAsync(r => r.BaselineAsync(1), typeof(Library), typeof(Shelves)));
        var unknown = Assert.ThrowsAsync<MigrationValidationException>(() => WithRunnerAsync(r => r.BaselineAsync(7), typeof(Library), typeof(Shelves)));

        Assert.That(withHistory!.Problems.Single(), Is.EqualTo(
            "Cannot baseline at version 2: the history already records 2 applied migrations (versions 1 to 2), every one up to that version; nothing was recorded. Run MigrateAsync to apply what is pending."));
        Assert.That(differs!.Problems, Is.EqualTo(new[]
        {
            "Cannot baseline at version 2: the database's schema is not what the migrations up to 2 make, so recording them as applied would be untrue; nothing was recorded. " +
            "Make the database match, baseline at the version it does match, or pass verifySchema: false if the differences are meant to stay.",
            $"missing: index ix_shelves_label on {DefaultSchema}.shelves (label)",
        }));
        Assert.That(tooEarly!.Problems, Does.Contain($"not made by the migrations: table {DefaultSchema}.shelves"));
        Assert.That(unknown!.Problems.Single(), Does.StartWith("Cannot baseline at version 7: no known migration has it."));
        Assert.That(Long(Scalar($"SELECT count(*) FROM information_schema.tables WHERE table_name = '__migrations_history'")), Is.Zero, "no history table was made");

        await WithRunnerAsync(r => r.BaselineAsync(2, verifySchema: false), typeof(Library), typeof(Shelves));
        Assert.That(Rows("SELECT version FROM __migrations_history ORDER BY version").Select(r => Long(r[0])), Is.EqualTo(new[] { 1L, 2L }));
    }

    [Test]
    public async Task A_baseline_records_a_migration_whose_changes_a_migrated_database_already_has()
    {
        // Shelves' changes were made by hand and then captured in a migration: the history lacks only its row.
        await MigrateAsync(typeof(Library), typeof(Shelves));
        Execute("DELETE FROM __migrations_history WHERE version = 2");

        var recorded = await WithRunnerAsync(r => r.BaselineAsync(2), typeof(Library), typeof(Shelves));
        var later = Assert.ThrowsAsync<MigrationValidationException>(() => WithRunnerAsync(r => r.BaselineAsync(1), typeof(Library), typeof(Shelves)));

        Assert.That(recorded.Select(m => m.Version), Is.EqualTo(new[] { 2L }));
        Assert.That(Rows("SELECT version FROM __migrations_history ORDER BY version").Select(r => Long(r[0])), Is.EqualTo(new[] { 1L, 2L }));
        Assert.That(later!.Problems.Single(), Does.StartWith("Cannot baseline at version 1: the history already records later migrations (2); nothing was recorded."));
    }

    private async Task<T> WithRunnerAsync<T>(Func<MigrationRunner, Task<T>> use, params Type[] migrations)
    {
        var dialect = await CreateDialectAsync();
        try
        {
            return await use(new MigrationRunner(dialect, new MigrationRunnerOptions().Add(migrations)));
        }
        finally
        {
            await DisposeAsync(dialect);
        }
    }

    [Migration(2, "Shelves")]
    internal sealed class Shelves : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateTable("shelves", t => t.Column("id", c => c.Int64().PrimaryKey()).Column("label", c => c.String(40)))
            .CreateIndex("shelves", "label", name: "ix_shelves_label")
            .CreateTable("bins", t => t.Column("id", c => c.Int64()));
    }
}
