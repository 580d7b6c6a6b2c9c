using Migrations.Building;
using Migrations.Linting;
using Migrations.Running;
using Migrations.Schema;
using Migrations.Tests.Support;

namespace Migrations.Tests.Dialects;

/// <summary>Safety findings every database shares: changes that break the release still running.</summary>
public abstract partial class DialectSuite
{
    [Test]
    public async Task Lint_names_renames_and_drops_of_tables_the_database_had_and_runs_nothing()
    {
        await MigrateAsync(typeof(Library));

        var report = await WithRunnerAsync(r => r.LintAsync(), typeof(Library), typeof(Reshelve));

        var common = report.Findings.Where(f => f.Rule.Id.StartsWith('M')).ToArray();
        Assert.That(common.Select(f => $"{f.Rule.Id} {f.Operation.Describe()}: {f.Message}"), Is.EqualTo(new[]
        {
            "M103 RenameTable books to volumes: renames table books to volumes.",
            "M102 RenameColumn volumes.title to name: renames column title of volumes to name.",
        }));
        Assert.That(common[0].ToString(), Does.StartWith("M103 warning: migration 2 Reshelve \"Reshelve\", RenameTable books to volumes: renames table books to volumes. Instances of the previous release")
            .And.Contain("Instead: Create the new table"));
        Assert.That(Columns("books"), Is.Not.Empty, "nothing ran");
    }

    [Test]
    public async Task Tables_made_in_the_same_run_have_no_findings()
    {
        var report = await WithRunnerAsync(r => r.LintAsync(), typeof(Library), typeof(Reshelve));

        Assert.That(report.Findings.Where(f => f.Rule.Severity != LintSeverity.Info), Is.Empty, report.ToString());
    }

    [Test]
    public async Task A_finding_accepted_with_a_reason_is_kept_apart_and_logged_quietly()
    {
        await MigrateAsync(typeof(Library));
        var dialect = await CreateDialectAsync();
        var log = new ListLogger<MigrationRunner>();
        var runner = new MigrationRunner(dialect, new MigrationRunnerOptions().Add(typeof(Library), typeof(DropsAccepted)), log);

        var report = await runner.LintAsync();
        await runner.MigrateAsync();
        await DisposeAsync(dialect);

        var accepted = report.Findings.Where(f => f.Rule.Id.StartsWith('M')).Select(f => $"{f.Rule.Id}: {f.SuppressedBecause}");
        Assert.That(accepted, Is.EqualTo(new[] { "M101: price was never shown", "M104: the shop closed" }));
        Assert.That(report.Standing.Where(f => f.Rule.Id.StartsWith('M')), Is.Empty);
        Assert.That(log.Lines.Where(l => l.Event.Id == 22 && l.Message.StartsWith("M10", StringComparison.Ordinal)).Select(l => l.Level), Is.All.EqualTo(Microsoft.Extensions.Logging.LogLevel.Debug));
        Assert.That(Columns("authors").Select(c => c.Split(' ')[0]), Is.EqualTo(new[] { "id", "name" }));
    }

    [Test]
    public async Task Accepting_without_a_reason_or_before_any_operation_is_refused_before_any_sql()
    {
        await MigrateAsync(typeof(Library));

        var error = Assert.ThrowsAsync<MigrationValidationException>(() => MigrateAsync(typeof(Library), typeof(AcceptsBadly)));

        Assert.That(error!.Problems, Is.EqualTo(new[]
        {
            "Migration 2 AcceptsBadly \"Accepts badly\": [AllowUnsafe(\"M101\", ...)] needs a rule id and a reason: say why the operation is safe here.",
            "Migration 2 AcceptsBadly \"Accepts badly\": Up threw ArgumentException while recording its operations: AllowUnsafe(\"M104\") needs a reason: say why the operation is safe here. (Parameter 'reason')",
        }));
        Assert.That(Columns("books"), Is.Not.Empty);
    }

    [Test]
    public async Task The_script_shows_each_finding_before_the_statement_it_concerns_and_the_log_has_it()
    {
        await MigrateAsync(typeof(Library));
        var dialect = await CreateDialectAsync();
        var log = new ListLogger<MigrationRunner>();
        var runner = new MigrationRunner(dialect, new MigrationRunnerOptions().Add(typeof(Library), typeof(Reshelve)), log);

        var script = (await runner.ScriptAsync()).Split('\n');
        await runner.MigrateAsync();
        await DisposeAsync(dialect);

        var finding = Array.FindIndex(script, l => l.StartsWith("-- M103 warning: migration 2 Reshelve", StringComparison.Ordinal));
        Assert.That(finding, Is.GreaterThan(0), string.Join("\n", script));
        Assert.That(script.Skip(finding + 1).First(l => !l.StartsWith("--", StringComparison.Ordinal)), Does.Contain("books").And.Contain("RENAME TO \"volumes\"").Or.Contain("CREATE TEMP TABLE"));
        Assert.That(log.Lines.Where(l => l.Event.Id == 22).Select(l => (l.Level, l.Message[..4])), Does.Contain((Microsoft.Extensions.Logging.LogLevel.Warning, "M103")));
    }

    [Test]
    public async Task A_migration_asking_for_safe_rewrites_leaves_the_same_schema_and_checksum()
    {
        await MigrateAsync(typeof(Library));
        var plain = await WithRunnerAsync(async r =>
        {
            await r.MigrateAsync();
            return SchemaText.Lines(await ReadSchemaAsync(), t => !t.Name.StartsWith("__migrations", StringComparison.Ordinal));
        }, typeof(Library), typeof(PricesChecked));
        await WithRunnerAsync(r => r.MigrateToAsync(Library.Version), typeof(Library), typeof(PricesChecked));

        var safe = await WithRunnerAsync(async r =>
        {
            await r.MigrateAsync();
            return SchemaText.Lines(await ReadSchemaAsync(), t => !t.Name.StartsWith("__migrations", StringComparison.Ordinal));
        }, typeof(Library), typeof(PricesCheckedSafely));
        var status = await WithRunnerAsync(r => r.GetStatusAsync(), typeof(Library), typeof(PricesChecked));

        Assert.That(safe, Is.EqualTo(plain));
        Assert.That(status.Changed, Is.Empty, "asking for safe forms is not an edit");
        Assert.Catch<System.Data.Common.DbException>(() => Execute("UPDATE books SET published = NULL"), "NOT NULL");
        Assert.Catch<System.Data.Common.DbException>(() => Execute("UPDATE books SET price = 1000"), "check");
    }

    private async Task<Schema.SchemaModel> ReadSchemaAsync()
    {
        var dialect = await CreateDialectAsync();
        try
        {
            await using var connection = await dialect.OpenAsync(CancellationToken.None);
            return await dialect.ReadSchemaAsync(connection.Connection, CancellationToken.None);
        }
        finally
        {
            await DisposeAsync(dialect);
        }
    }

    [Migration(2, "Prices checked")]
    internal sealed class PricesChecked : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .AddCheckConstraint("books", "ck_books_cheap", "price < 100")
            .AlterColumn("authors", "name", a => a.NotNull());

        public override void Down(MigrationBuilder m) => m.DropConstraint("books", "ck_books_cheap");
    }

    [Migration(2, "Prices checked")]
    internal sealed class PricesCheckedSafely : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .SafeRewrites()
            .AddCheckConstraint("books", "ck_books_cheap", "price < 100")
            .AlterColumn("authors", "name", a => a.NotNull());

        public override void Down(MigrationBuilder m) => m.DropConstraint("books", "ck_books_cheap");
    }

    [Migration(2, "Drops accepted")]
    [AllowUnsafe("M101", "price was never shown")]
    internal sealed class DropsAccepted : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .DropColumn("books", "price")
            .DropTable("books").AllowUnsafe("M104", "the shop closed");

        public override void Down(MigrationBuilder m) => throw new NotSupportedException();
    }

    [Migration(2, "Accepts badly")]
    [AllowUnsafe("M101", " ")]
    internal sealed class AcceptsBadly : Migration
    {
        public override void Up(MigrationBuilder m) => m.DropTable("books").AllowUnsafe("M104", "");
    }
}
