using Migrations.Building;
using Migrations.Running;

namespace Migrations.Tests.Dialects;

/// <summary>Seed rows given as a sequence: read as they are sent, checked before anything runs, recorded with the same checksum as rows given at once.</summary>
public abstract partial class DialectSuite
{
    /// <summary>How many times <see cref="ShrinkingSeed"/>'s rows were read in the current test.</summary>
    private static readonly AsyncLocal<System.Runtime.CompilerServices.StrongBox<int>> SeedReads = new();

    [Test]
    public async Task Rows_given_as_a_sequence_load_every_value_and_record_the_checksum_of_the_same_rows_given_at_once()
    {
        await MigrateAsync(typeof(Ledger), typeof(StreamedLedger));
        var streamed = Rows("SELECT checksum FROM __migrations_history WHERE version = 2").Single()[0];

        Assert.That(Long(Scalar("SELECT count(*) FROM ledger")), Is.EqualTo(LedgerRows.Count));
        Assert.That(Rows("SELECT id, note, amount, CAST(kind AS VARCHAR) FROM ledger WHERE id IN (1, 2, 3000) ORDER BY id"), Is.EqualTo(new[]
        {
            new object?[] { 1L, "entry 1\twith a tab", 0.01m, "credit" },
            new object?[] { 2L, null, 0.02m, "debit" },
            new object?[] { 3000L, null, 30.00m, "debit" },
        }));

        Execute("DROP TABLE ledger");
        Execute("DELETE FROM __migrations_history");
        await MigrateAsync(typeof(Ledger), typeof(ArrayLedger));
        Assert.That(Rows("SELECT checksum FROM __migrations_history WHERE version = 2").Single()[0], Is.EqualTo(streamed), "the same rows, the same checksum");
    }

    [Test]
    public async Task A_sequence_that_yields_other_rows_when_sent_fails_the_migration_and_changes_nothing()
    {
        await MigrateAsync(typeof(Ledger));
        SeedReads.Value = new();

        var error = Assert.CatchAsync(() => MigrateAsync(typeof(Ledger), typeof(ShrinkingSeed)));

        Assert.That(error!.ToString(), Does.Contain("this time the sequence yielded 60 rows where it yielded 100 before").And.Contain("the same rows every time it is read"));
        Assert.That(Long(Scalar("SELECT count(*) FROM ledger")), Is.EqualTo(0L), "rolled back");
        Assert.That(Rows("SELECT version FROM __migrations_history").Select(r => Long(r[0])), Is.EqualTo(new[] { 1L }));
    }

    [Test]
    public async Task A_bad_value_deep_in_a_sequence_is_refused_before_any_sql()
    {
        await MigrateAsync(typeof(Ledger));

        var error = Assert.ThrowsAsync<MigrationValidationException>(() => MigrateAsync(typeof(Ledger), typeof(BadRowDeepInSequence)));

        Assert.That(error!.Problems.Single(), Does.StartWith("Migration 2 BadRowDeepInSequence \"Bad row\", InsertData").And.Contain("Row 2500, column \"note\" holds"));
        Assert.That(Long(Scalar("SELECT count(*) FROM ledger")), Is.EqualTo(0L));
    }

    [Test]
    public async Task A_sequence_that_throws_while_it_is_checked_is_refused_with_the_migration_before_any_sql()
    {
        await MigrateAsync(typeof(Ledger));

        var error = Assert.ThrowsAsync<MigrationValidationException>(() => MigrateAsync(typeof(Ledger), typeof(ThrowingSeed)));

        Assert.That(error!.Problems.Single(), Is.EqualTo("Migration 2 ThrowingSeed \"Throwing\", InsertData ledger: reading its rows threw InvalidOperationException: the source is gone at row 10"));
        Assert.That(Long(Scalar("SELECT count(*) FROM ledger")), Is.EqualTo(0L));
        Assert.That(Rows("SELECT version FROM __migrations_history").Select(r => Long(r[0])), Is.EqualTo(new[] { 1L }));
    }

    private static class LedgerRows
    {
        public const int Count = 3_000;

        public static IEnumerable<object?[]> All()
        {
            for (var i = 1; i <= Count; i++)
            {
                yield return [(long)i, i == 1 ? "entry 1\twith a tab" : null, i / 100m, i % 2 == 1 ? LedgerKind.Credit : LedgerKind.Debit];
            }
        }
    }

    internal enum LedgerKind
    {
        Credit,
        Debit,
    }

    [Migration(1, "Ledger")]
    internal sealed class Ledger : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateEnum<LedgerKind>("ledger_kind")
            .CreateTable("ledger", t => t
                .Column("id", c => c.Int64().PrimaryKey())
                .Column("note", c => c.Text())
                .Column("amount", c => c.Decimal(10, 2).NotNull())
                .Column("kind", c => c.Enum("ledger_kind").NotNull()));
    }

    [Migration(2, "Entries")]
    internal sealed class StreamedLedger : Migration
    {
        public override void Up(MigrationBuilder m) => m.InsertData("ledger", ["id", "note", "amount", "kind"], LedgerRows.All());
    }

    [Migration(2, "Entries")]
    internal sealed class ArrayLedger : Migration
    {
        public override void Up(MigrationBuilder m) => m.InsertData("ledger", ["id", "note", "amount", "kind"], [.. LedgerRows.All()]);
    }

    [Migration(2, "Shrinking")]
    internal sealed class ShrinkingSeed : Migration
    {
        public override void Up(MigrationBuilder m) => m.InsertData("ledger", ["id", "note", "amount", "kind"], Rows());

        private static IEnumerable<object?[]> Rows()
        {
            // The first read (the checks before anything runs) sees 100 rows, every later one 60.
            var count = SeedReads.Value is { } reads && reads.Value++ == 0 ? 100 : 60;
            for (var i = 1; i <= count; i++)
            {
                yield return [(long)i, null, 1m, "credit"];
            }
        }
    }

    [Migration(2, "Throwing")]
    internal sealed class ThrowingSeed : Migration
    {
        public override void Up(MigrationBuilder m) => m.InsertData("ledger", ["id", "note", "amount", "kind"], Rows());

        private static IEnumerable<object?[]> Rows()
        {
            for (var i = 1; i <= 100; i++)
            {
                yield return i == 10 ? throw new InvalidOperationException("the source is gone at row 10") : [(long)i, null, 1m, "credit"];
            }
        }
    }

    [Migration(2, "Bad row")]
    internal sealed class BadRowDeepInSequence : Migration
    {
        public override void Up(MigrationBuilder m) => m.InsertData("ledger", ["id", "note", "amount", "kind"], Rows());

        private static IEnumerable<object?[]> Rows()
        {
            for (var i = 1; i <= 3_000; i++)
            {
                yield return [(long)i, i == 2_500 ? new Uri("https://example.com") : null, 1m, "credit"];
            }
        }
    }
}
