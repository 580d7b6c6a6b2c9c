using Migrations.Operations;

namespace Migrations.Running;

/// <summary>
/// The checksums of the migrations' operations: computed once per runner, compared with the
/// history's, and not compared again for history rows this runner already found to match.
/// </summary>
public sealed partial class MigrationRunner
{
    /// <summary>
    /// A fingerprint of the known migrations up to a version: their versions and the checksums of
    /// their operations, the same checksums the history table records. Two runs with the same
    /// fingerprint build the same schema, so a database migrated once can stand in for the other
    /// (test kits key migrated templates by it). Reads no database.
    /// </summary>
    /// <param name="targetVersion">The last version included; all when null.</param>
    /// <exception cref="MigrationValidationException">A migration class is not valid.</exception>
    public string Fingerprint(long? targetVersion = null)
    {
        var text = string.Join("\n", Catalog().Migrations
            .Where(m => m.Version <= (targetVersion ?? Latest))
            .Select(m => $"{m.Version}:{ChecksumOf(m)}"));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }

    /// <summary>
    /// The checksum of a known migration's Up, computed once per runner: status (and the health check
    /// that polls it) would otherwise instantiate and serialize every applied migration on each call.
    /// </summary>
    private string ChecksumOf(MigrationInfo info) =>
        _checksums.GetOrAdd(info.Version, _ => OperationChecksum.Compute(UpOperations(info)));

    private IReadOnlyList<MigrationOperation> UpOperations(MigrationInfo info)
    {
        var builder = MigrationOperations.Record(info, up: true, _dialect, new ValidationProblems());
        _readDataFiles |= builder.ReadDataFiles;
        return builder.Operations;
    }

    /// <summary>
    /// Whether a history row records the migration as the code has it now. Rows written by earlier
    /// versions may carry an earlier form (seed values hashed as text; before that, not canonical),
    /// which is computed only for rows the current form does not match.
    /// </summary>
    private bool Matches(MigrationInfo info, AppliedMigration row) =>
        ChecksumOf(info) == row.Checksum ||
        _earlierChecksums.GetOrAdd(info.Version, _ => EarlierChecksums(UpOperations(info))).Contains(row.Checksum);

    private static string[] EarlierChecksums(IReadOnlyList<MigrationOperation> operations) => OperationChecksum.SeedsRows(operations)
        ? [OperationChecksum.ComputeTextRows(operations), OperationChecksum.ComputeLegacy(operations)]
        : [OperationChecksum.ComputeLegacy(operations)];
}
