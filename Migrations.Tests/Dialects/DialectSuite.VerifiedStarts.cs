using System.Runtime.CompilerServices;
using Migrations.Building;
using Migrations.Running;

namespace Migrations.Tests.Dialects;

/// <summary>
/// A start whose build and history were already compared skips computing the applied migrations'
/// checksums; anything that could make them differ (the history, the code, a data file) does not.
/// </summary>
public abstract partial class DialectSuite
{
    /// <summary>How many times <see cref="CountedShelf"/>'s Up ran in the current test.</summary>
    private static readonly AsyncLocal<StrongBox<int>> UpCalls = new();

    /// <summary>The CSV file <see cref="LoadShelf"/> reads in the current test.</summary>
    private static readonly AsyncLocal<string> ShelfFile = new();

    [Test]
    public async Task A_start_with_the_same_build_and_history_runs_no_migration_code()
    {
        UpCalls.Value = new StrongBox<int>();
        await MigrateAsync(typeof(CountedShelf));
        var afterApply = UpCalls.Value.Value;

        await MigrateAsync(typeof(CountedShelf));
        var afterNoOp = UpCalls.Value.Value;
        await MigrateAsync(new MigrationRunnerOptions { ChecksumEveryStart = true }, typeof(CountedShelf));

        Assert.That(afterApply, Is.EqualTo(1), "applying records its operations once and takes their checksum from them");
        Assert.That(afterNoOp, Is.EqualTo(afterApply), "the second start compared nothing: the first recorded that this build matches these rows");
        Assert.That(UpCalls.Value.Value, Is.EqualTo(afterNoOp + 1), "ChecksumEveryStart computes the checksum again");
        Assert.That(Long(Scalar("SELECT count(*) FROM __migrations_history_verified")), Is.EqualTo(1));
        var schema = await WithRunnerAsync(r => r.ReverseEngineerAsync(), typeof(CountedShelf));
        Assert.That(schema.Up.OfType<Operations.CreateTableOperation>().Select(t => t.Table.Name), Is.EqualTo(new[] { "shelves" }), "the runner's own tables are not part of the schema");
    }

    [Test]
    public async Task A_run_that_applies_onto_a_compared_history_records_the_new_one()
    {
        // The second run reads the table of compared builds before it applies, and so records its
        // result without creating that table again.
        UpCalls.Value = new StrongBox<int>();
        await MigrateAsync(typeof(CountedShelf));
        await MigrateAsync(typeof(CountedShelf));
        await MigrateAsync(typeof(CountedShelf), typeof(Notes));
        var afterSecondApply = UpCalls.Value.Value;

        await MigrateAsync(typeof(CountedShelf), typeof(Notes));

        Assert.That(UpCalls.Value.Value, Is.EqualTo(afterSecondApply), "the start after the second apply compared nothing");
        Assert.That(Long(Scalar("SELECT count(*) FROM __migrations_history_verified")), Is.EqualTo(1), "only the latest history is remembered");
    }

    [Test]
    public async Task A_history_row_changed_by_hand_is_compared_again_and_refused()
    {
        await MigrateAsync(typeof(Library));
        await MigrateAsync(typeof(Library));
        Execute("UPDATE __migrations_history SET checksum = 'changed by hand'");
        var history = HistoryRows();

        var error = Assert.ThrowsAsync<MigrationValidationException>(() => MigrateAsync(typeof(Library), typeof(Slugs)));

        Assert.That(error!.Problems.Single(), Does.StartWith("Migration 1 Library \"Library\" was edited after it was applied on "));
        Assert.That(HistoryRows(), Is.EqualTo(history));
        Assert.That(Columns("books").Select(c => c.Split(' ')[0]), Does.Not.Contain("slug"), "the pending migration did not run");
    }

    [Test]
    public async Task An_edited_data_file_is_refused_on_every_later_start()
    {
        ShelfFile.Value = Path.Combine(Path.GetTempPath(), $"shelves-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(ShelfFile.Value, "name\nfiction\n");
            await MigrateAsync(typeof(CountedShelf), typeof(LoadShelf));
            await MigrateAsync(typeof(CountedShelf), typeof(LoadShelf));
            await File.WriteAllTextAsync(ShelfFile.Value, "name\npoetry\n");

            var error = Assert.ThrowsAsync<MigrationValidationException>(() => MigrateAsync(typeof(CountedShelf), typeof(LoadShelf)));

            Assert.That(error!.Problems.Single(), Does.StartWith("Migration 2 LoadShelf \"Load shelves\" was edited after it was applied on "));
            Assert.That(Rows("SELECT name FROM shelves").Select(r => r[0]), Is.EqualTo(new[] { "fiction" }));
        }
        finally
        {
            File.Delete(ShelfFile.Value);
        }
    }

    [Migration(1, "Shelves")]
    internal sealed class CountedShelf : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            if (UpCalls.Value is { } calls)
            {
                calls.Value++;
            }

            m.CreateTable("shelves", t => t.Column("name", c => c.Text()));
        }
    }

    [Migration(2, "Load shelves")]
    internal sealed class LoadShelf : Migration
    {
        public override void Up(MigrationBuilder m) => m.InsertDataFromCsv("shelves", ShelfFile.Value!);
    }
}
