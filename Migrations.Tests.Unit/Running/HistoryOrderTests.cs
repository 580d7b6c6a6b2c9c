using Migrations.Building;
using Migrations.Running;

namespace Migrations.Tests.Running;

/// <summary>
/// The questions every start asks of the known migrations and the history (which versions are
/// known, applied, pending out of order), answered over the version order by hand.
/// </summary>
public sealed class HistoryOrderTests
{
    [Test]
    public void Migrations_given_in_any_order_are_found_by_version_and_unknown_versions_are_not()
    {
        var options = new MigrationRunnerOptions();
        foreach (var type in new[] { typeof(Thirty), typeof(Ten), typeof(Forty), typeof(Twenty) })
        {
            options.MigrationTypes.Add(type);
        }

        var catalog = MigrationCatalog.Discover(options);

        Assert.That(catalog.Migrations.Select(m => m.Version), Is.EqualTo(new[] { 10L, 20L, 30L, 40L }));
        Assert.That(new long[] { 10, 20, 30, 40 }.Select(v => catalog.Find(v)?.Type), Is.EqualTo(new[] { typeof(Ten), typeof(Twenty), typeof(Thirty), typeof(Forty) }));
        Assert.That(new long[] { 0, 5, 15, 35, 45, long.MaxValue, -1 }.Select(v => catalog.Find(v)), Is.All.Null);
    }

    [Test]
    public void Migrations_sharing_a_version_are_named_in_the_same_order_whatever_order_they_are_given_in()
    {
        string Refusal(params Type[] types)
        {
            var options = new MigrationRunnerOptions();
            foreach (var type in types)
            {
                options.MigrationTypes.Add(type);
            }

            return Assert.Throws<MigrationValidationException>(() => MigrationCatalog.Discover(options))!.Message;
        }

        var message = Refusal(typeof(Twenty), typeof(AlsoTwenty), typeof(Ten));

        Assert.That(message, Does.Contain($"Version 20 is used by {typeof(AlsoTwenty).FullName} and {typeof(Twenty).FullName}: give each migration its own version."));
        Assert.That(Refusal(typeof(Ten), typeof(AlsoTwenty), typeof(Twenty)), Is.EqualTo(message));
    }

    [Test]
    public void Applied_versions_are_looked_up_in_the_history_and_pending_ones_below_the_newest_are_out_of_order()
    {
        var options = new MigrationRunnerOptions();
        foreach (var type in new[] { typeof(Ten), typeof(Twenty), typeof(Thirty), typeof(Forty) })
        {
            options.MigrationTypes.Add(type);
        }

        var catalog = MigrationCatalog.Discover(options);
        var history = VersionOrder.Sorted([Row(30), Row(10), Row(99)]);

        Assert.That(history.Select(r => r.Version), Is.EqualTo(new[] { 10L, 30L, 99L }));
        Assert.That(new long[] { 10, 30, 99 }.Select(v => VersionOrder.Contains(history, v)), Is.All.True);
        Assert.That(new long[] { 0, 20, 40, 100 }.Select(v => VersionOrder.Contains(history, v)), Is.All.False);
        Assert.That(VersionOrder.Contains([], 10), Is.False);

        Assert.That(HistoryChecks.OutOfOrder(catalog, history, long.MaxValue, out var newest).Select(m => m.Version), Is.EqualTo(new[] { 20L, 40L }));
        Assert.That(newest, Is.EqualTo(99), "an applied version no migration has still counts as applied");
        Assert.That(HistoryChecks.OutOfOrder(catalog, history, 30, out newest).Select(m => m.Version), Is.EqualTo(new[] { 20L }));
        Assert.That(newest, Is.EqualTo(30));
        Assert.That(HistoryChecks.OutOfOrder(catalog, history, 5, out _), Is.Empty, "nothing stays applied at or below the target");
        Assert.That(HistoryChecks.OutOfOrder(catalog, [], long.MaxValue, out _), Is.Empty);
    }

    [Test]
    public void A_start_is_up_to_date_only_when_the_history_holds_exactly_the_known_versions_up_to_the_target()
    {
        var options = new MigrationRunnerOptions();
        foreach (var type in new[] { typeof(Ten), typeof(Twenty), typeof(Thirty) })
        {
            options.MigrationTypes.Add(type);
        }

        var known = MigrationCatalog.Discover(options).Migrations;
        bool Exactly(long target, params long[] applied) => AppliedVersions.Of(applied.Select(Row).ToArray()).AreExactly(known, target);

        Assert.That(Exactly(long.MaxValue, 10, 20, 30), Is.True);
        Assert.That(Exactly(20, 10, 20), Is.True);
        Assert.That(Exactly(long.MaxValue, 10, 20), Is.False, "30 is pending");
        Assert.That(Exactly(long.MaxValue, 10, 30), Is.False, "20 is pending, out of order");
        Assert.That(Exactly(long.MaxValue, 10, 20, 30, 99), Is.False, "99 is applied but no migration has it");
        Assert.That(Exactly(20, 10, 20, 30), Is.False, "30 is to be reverted");
        Assert.That(Exactly(long.MaxValue, 30, 20, 10), Is.False, "rows out of order are read the slow way");
        Assert.That(Exactly(long.MaxValue), Is.False);
        Assert.That(Exactly(0), Is.True, "nothing known at or below 0, nothing applied");
    }

    [Test]
    public void The_history_digest_is_the_hash_of_each_row_as_version_colon_checksum_line_as_earlier_releases_recorded_it()
    {
        AppliedMigration[] rows = [new(7, "a", DateTimeOffset.UnixEpoch, 3, "abc"), new(-12, "b", DateTimeOffset.UnixEpoch, 0, ""), new(long.MaxValue, "c", DateTimeOffset.UnixEpoch, 1, "\u00e9")];

        var digest = AppliedVersions.Of(rows).Digest;

        Assert.That(digest, Is.EqualTo(StableHash.Of($"7:abc\n-12:\n{long.MaxValue}:\u00e9\n")));
        Assert.That(digest, Is.Not.EqualTo(AppliedVersions.Of(rows[..2]).Digest));
        Assert.That(AppliedVersions.Of(rows).Versions, Is.EqualTo(new[] { 7L, -12L, long.MaxValue }));
    }

    private static AppliedMigration Row(long version) => new(version, $"v{version}", DateTimeOffset.UnixEpoch, 0, "checksum");

    [Migration(10, "Ten")]
    private sealed class Ten : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("ten", t => t.Column("id", c => c.Int64()));
    }

    [Migration(20, "Twenty")]
    private sealed class Twenty : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("twenty", t => t.Column("id", c => c.Int64()));
    }

    [Migration(20, "Also twenty")]
    private sealed class AlsoTwenty : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("also", t => t.Column("id", c => c.Int64()));
    }

    [Migration(30, "Thirty")]
    private sealed class Thirty : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("thirty", t => t.Column("id", c => c.Int64()));
    }

    [Migration(40, "Forty")]
    private sealed class Forty : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("forty", t => t.Column("id", c => c.Int64()));
    }
}
