using System.Data.Common;
using Migrations.Dialects;

namespace Migrations.Running;

/// <summary>
/// What a start needs from the history when it has nothing to do: the applied versions in order,
/// with their checksums, and one digest of them (what <see cref="VerifiedHistory"/> remembers).
/// Read in one pass over two columns; rows the same as a reading this runner already matched are
/// not kept again, so an app that migrates an open database once more pays for little more than the query.
/// </summary>
internal sealed class AppliedVersions
{
    private readonly string[] _checksums;
    private string? _digest;

    private AppliedVersions(long[] versions, string[] checksums) => (Versions, _checksums) = (versions, checksums);

    /// <summary>The applied versions, in the order the history gave them (ascending).</summary>
    public long[] Versions { get; }

    /// <summary>The rows' versions and checksums, in order, as one hash; worked out once, when first asked for.</summary>
    public string Digest => _digest ??= Hash(Versions, _checksums);

    /// <summary>The versions and checksums of rows already read.</summary>
    public static AppliedVersions Of(IReadOnlyList<AppliedMigration> rows)
    {
        var (versions, checksums) = (new long[rows.Count], new string[rows.Count]);
        for (var index = 0; index < rows.Count; index++)
        {
            (versions[index], checksums[index]) = (rows[index].Version, rows[index].Checksum);
        }

        return new AppliedVersions(versions, checksums);
    }

    /// <summary>
    /// Reads the versions and checksums of the runner's own history table; throws what the query
    /// throws when it cannot. When the rows are those of <paramref name="known"/>, returns it.
    /// </summary>
    public static async Task<AppliedVersions> ReadAsync(DbConnection connection, HistoryTableSql history, AppliedVersions? known, CancellationToken cancellationToken)
    {
        await using var command = DbQuery.Command(connection, null, history.SelectVersions());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        long[] versions = [];
        string[] checksums = [];
        var count = 0;
        var same = known is not null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var (version, checksum) = (reader.GetInt64(0), reader.GetString(1));
            if (same && count < known!.Versions.Length && known.Versions[count] == version && known._checksums[count] == checksum)
            {
                count++;
                continue;
            }

            if (same)
            {
                // From here on the rows differ: keep the known ones read so far, then the rest as read.
                (versions, checksums, same) = (known!.Versions[..count], known._checksums[..count], false);
            }

            if (count == versions.Length)
            {
                Array.Resize(ref versions, Math.Max(64, count * 2));
                Array.Resize(ref checksums, versions.Length);
            }

            (versions[count], checksums[count]) = (version, checksum);
            count++;
        }

        if (same)
        {
            return count == known!.Versions.Length ? known : new AppliedVersions(known.Versions[..count], known._checksums[..count]);
        }

        Array.Resize(ref versions, count);
        Array.Resize(ref checksums, count);
        return new AppliedVersions(versions, checksums);
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

    /// <summary>Whether both hold the same versions with the same checksums.</summary>
    public bool SameAs(AppliedVersions? other) =>
        other is not null && (ReferenceEquals(this, other) || (Versions.AsSpan().SequenceEqual(other.Versions) && _checksums.AsSpan().SequenceEqual(other._checksums)));

    private static string Hash(long[] versions, string[] checksums)
    {
        var digest = new StableHash();
        for (var index = 0; index < versions.Length; index++)
        {
            digest.Append(versions[index]);
            digest.Append(':');
            digest.Append(checksums[index]);
            digest.Append('\n');
        }

        return digest.ToString();
    }
}
