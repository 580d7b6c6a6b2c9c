using System.Diagnostics;
using Migrations.Building;
using Migrations.Tests.Support;

namespace Migrations.Tests.DuckDb.Connections;

/// <summary>Cancelling a run interrupts the statement DuckDB is executing, and the migration is rolled back.</summary>
public class CancellationTests : DuckDbFileTests
{
    [Test]
    public async Task Cancelling_interrupts_a_long_statement_and_leaves_nothing_behind()
    {
        await Db.Runner(typeof(Notes)).MigrateAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        Assert.CatchAsync<OperationCanceledException>(() => Db.Runner(typeof(Notes), typeof(LongQuery)).MigrateAsync(cancel.Token));

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "DuckDB was interrupted, not waited for");
        Assert.That(Db.Exists("slow"), Is.False);
        Assert.That(Db.Count("notes"), Is.EqualTo(0), "the insert before the long statement was rolled back");
        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 1L }));
    }

    [Migration(1, "Notes")]
    internal sealed class Notes : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("notes", t => t.Column("body", c => c.String()));
    }

    [Migration(2, "A long query")]
    internal sealed class LongQuery : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .InsertData("notes", ["body"], ["before the long statement"])
            .Sql("CREATE TABLE slow AS SELECT count(*) AS n FROM range(1000000000000) a");

        public override void Down(MigrationBuilder m) => m.DropTable("slow");
    }
}
