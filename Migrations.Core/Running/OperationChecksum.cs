using System.Security.Cryptography;
using System.Text.Json;
using Migrations.Operations;

namespace Migrations.Running;

/// <summary>A stable fingerprint of a migration's operations, stored in history to detect edited migrations.</summary>
internal static class OperationChecksum
{
    public static string Compute(IReadOnlyList<MigrationOperation> operations)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new ChecksumText(hash);
        foreach (var operation in operations)
        {
            if (operation is InsertDataOperation insert)
            {
                // Seed data can be millions of values: hashed value by value, not as one JSON document.
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

                continue;
            }

            // The runtime type decides the shape, so every field of every other operation counts.
            text.Write(operation.GetType().Name + ":" + JsonSerializer.Serialize(operation, operation.GetType()) + "\n");
        }

        text.Flush();
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}
