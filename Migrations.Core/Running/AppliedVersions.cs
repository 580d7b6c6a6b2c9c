using System.Data.Common;
using Migrations.Dialects;

namespace Migrations.Running;

/// <summary>
/// What a start needs from the history when it has nothing to do: the applied versions in order,
/// and one digest of every row's version and checksum (what <see cref="VerifiedHistory"/> remembers).
/// Read in one pass over two columns without keeping the rows: the start of an app that is up to
/// date pays for little more than the query.
/// </summary>
internal sealed class AppliedVersions
{
    private AppliedVersions(long[] versions, string digest) => (Versions, Digest) = (versions, digest);

    /// <summary>The applied versions, in the order the history gave them (ascending).</summary>
    public long[] Versions { get; }

    /// <summary>The rows' versions and checksums, in order, as one hash.</summary>
    public string Digest { get; }

    /// <summary>The versions and digest of rows already read.</summary>
    public static AppliedVersions Of(IReadOnlyList<AppliedMigration> rows)
    {
        var versions = new long[rows.Count];
        var digest = new StableHash();
        for (var index = 0; index < rows.Count; index++)
        {
            versions[index] = rows[index].Version;
            Add(ref digest, rows[index].Version, rows[index].Checksum);
        }

        return new AppliedVersions(versions, digest.ToString());
    }

    /// <summary>Reads the versions and checksums of the runner's own history table; throws what the query throws when it cannot.</summary>
    public static async Task<AppliedVersions> ReadAsync(DbConnection connection, HistoryTableSql history, CancellationToken cancellationToken)
    {
        await using var command = DbQuery.Command(connection, null, history.SelectVersions());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var versions = new long[64];
        var count = 0;
        var digest = new StableHash();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (count == versions.Length)
            {
                Array.Resize(ref versions, count * 2);
            }

            versions[count] = reader.GetInt64(0);
            Add(ref digest, versions[count], reader.GetString(1));
            count++;
        }

        Array.Resize(ref versions, count);
        return new AppliedVersions(versions, digest.ToString());
    }

    /// <summary>True when exactly the known migrations up to <paramref name="targetVersion"/> are applied: nothing to apply or revert, no unknown version.</summary>
    public bool AreExactly(IReadOnlyList<MigrationInfo> known, long targetVersion)
    {
        var index = 0;
        for (; index < known.Count && known[index].Version <= targetVersion; index++)
        {
            if (index >= Versions.Length || Versions[index] != known[index].Version)
            {
                return false;
            }
        }

        return index == Versions.Length;
    }

    private static void Add(ref StableHash digest, long version, string checksum)
    {
        digest.Append(version);
        digest.Append(':');
        digest.Append(checksum);
        digest.Append('\n');
    }
}
