using DuckDB.NET.Data;
using Migrations.Dialects;
using Migrations.DuckDb;
using Migrations.Running;

namespace Migrations.Tests.Running;

/// <summary>
/// The read a start at head makes of the history (versions and checksums only), against a real
/// history table: the same rows as a reading already matched come back as that reading, and any
/// change (a row more, a row less, a checksum edited by hand) comes back as a new one with its own digest.
/// </summary>
public sealed class AppliedVersionsTests
{
    [Test]
    public async Task A_reading_of_the_same_rows_is_the_matched_one_and_any_change_is_a_new_reading()
    {
        await using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var history = (HistoryTableSql)new DuckDbDialect(connection).History(new HistoryTableOptions());
        foreach (var step in history.CreateIfMissing().Concat([history.Insert(1, "one", 0, "aaa"), history.Insert(2, "two", 0, "bbb")]))
        {
            await DbQuery.ExecuteAsync(connection, step, CancellationToken.None);
        }

        async Task<AppliedVersions> Read(AppliedVersions? known) => await AppliedVersions.ReadAsync(connection, history, known, CancellationToken.None);

        var first = await Read(null);
        Assert.That(first.Versions, Is.EqualTo(new[] { 1L, 2L }));
        Assert.That(first.Digest, Is.EqualTo(AppliedVersions.Of([Row(1, "aaa"), Row(2, "bbb")]).Digest));
        Assert.That(await Read(first), Is.SameAs(first));

        await DbQuery.ExecuteAsync(connection, history.Insert(3, "three", 0, "ccc"), CancellationToken.None);
        var added = await Read(first);
        Assert.That(added.Versions, Is.EqualTo(new[] { 1L, 2L, 3L }));
        Assert.That(added.SameAs(first), Is.False);
        Assert.That(added.Digest, Is.EqualTo(AppliedVersions.Of([Row(1, "aaa"), Row(2, "bbb"), Row(3, "ccc")]).Digest));

        await DbQuery.ExecuteAsync(connection, history.Update(2, "two", "edited"), CancellationToken.None);
        var edited = await Read(added);
        Assert.That(edited.Versions, Is.EqualTo(new[] { 1L, 2L, 3L }));
        Assert.That(edited.SameAs(added), Is.False);
        Assert.That(edited.Digest, Is.EqualTo(AppliedVersions.Of([Row(1, "aaa"), Row(2, "edited"), Row(3, "ccc")]).Digest));

        await DbQuery.ExecuteAsync(connection, history.Delete(3), CancellationToken.None);
        var removed = await Read(edited);
        Assert.That(removed.Versions, Is.EqualTo(new[] { 1L, 2L }));
        Assert.That(removed.Digest, Is.EqualTo(AppliedVersions.Of([Row(1, "aaa"), Row(2, "edited")]).Digest));
        Assert.That(removed.Digest, Is.Not.EqualTo(first.Digest));
    }

    private static AppliedMigration Row(long version, string checksum) => new(version, "", DateTimeOffset.UnixEpoch, 0, checksum);
}
