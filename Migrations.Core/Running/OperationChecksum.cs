using System.Security.Cryptography;
using System.Text.Json;
using Migrations.Operations;

namespace Migrations.Running;

/// <summary>
/// A stable fingerprint of a migration's operations, stored in history to detect edited
/// migrations. It covers what the migration asks for (every operation with its names, types,
/// defaults, constraints and seed values), not the SQL a dialect renders for it, so it holds
/// across machines, cultures and library versions that render the same request differently.
/// </summary>
internal static class OperationChecksum
{
    /// <summary>The checksum every history row is written with.</summary>
    public static string Compute(IReadOnlyList<MigrationOperation> operations) => Compute(operations, ChecksumJson.Options, textRows: false);

    /// <summary>
    /// The checksum as versions before the rows' fingerprint computed it (seed values hashed as
    /// text, their number first): history rows written then still match an unedited migration.
    /// Differs from <see cref="Compute(IReadOnlyList{MigrationOperation})"/> only for migrations that seed rows.
    /// </summary>
    public static string ComputeTextRows(IReadOnlyList<MigrationOperation> operations) => Compute(operations, ChecksumJson.Options, textRows: true);

    /// <summary>
    /// The checksum as versions before the canonical form computed it (declaration order, every
    /// property, enums as numbers): history rows written then still match an unedited migration.
    /// </summary>
    public static string ComputeLegacy(IReadOnlyList<MigrationOperation> operations) => Compute(operations, JsonSerializerOptions.Default, textRows: true);

    /// <summary>True when the operations seed rows, the only ones whose checksum <see cref="ComputeTextRows"/> computes differently.</summary>
    public static bool SeedsRows(IReadOnlyList<MigrationOperation> operations) => operations.Any(o => o is InsertDataOperation);

    internal static string Compute(IReadOnlyList<MigrationOperation> operations, JsonSerializerOptions json, bool textRows)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var text = new ChecksumText(hash);
        foreach (var operation in operations)
        {
            if (operation is SafeRewritesOperation)
            {
                // How the change is carried out, not what it is: the same schema either way.
                continue;
            }

            if (operation is InsertDataOperation insert)
            {
                if (textRows)
                {
                    WriteTextRows(text, insert);
                    continue;
                }

                // Seed data can be millions of values: fingerprinted as bits, not as one JSON document.
                text.Write($"InsertDataOperation:{insert.Table}:{string.Join(",", insert.Columns)}:{RowsDigest.Of(insert.Rows)}\n");
                continue;
            }

            // The runtime type decides the shape, so every field of every other operation counts.
            var written = ReferenceEquals(json, ChecksumJson.Options) && CanonicalJson.CanWalkRecords
                ? CanonicalJson.Write(operation)
                : JsonSerializer.Serialize(operation, operation.GetType(), json);
            text.Write(operation.GetType().Name + ":" + written + "\n");
        }

        text.Flush();
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>The rows as the earlier forms hashed them: their number, then each value as its type's name and invariant text.</summary>
    private static void WriteTextRows(ChecksumText text, InsertDataOperation insert)
    {
        text.Write($"InsertDataOperation:{insert.Table}:{string.Join(",", insert.Columns)}:{insert.Rows.Count}\n");
        foreach (var row in insert.Rows)
        {
            foreach (var value in row)
            {
                text.WriteValue(value);
                text.Write("\u001f");
            }

            text.Write("\n");
        }
    }
}
