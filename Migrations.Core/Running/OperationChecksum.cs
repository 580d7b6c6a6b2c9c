using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Migrations.Operations;

namespace Migrations.Running;

/// <summary>A stable fingerprint of a migration's operations, stored in history to detect edited migrations.</summary>
internal static class OperationChecksum
{
    public static string Compute(IReadOnlyList<MigrationOperation> operations)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var operation in operations)
        {
            if (operation is InsertDataOperation insert)
            {
                // Seed data can be hundreds of thousands of rows: hash it value by value instead of as one JSON document.
                Append(hash, $"InsertDataOperation:{insert.Table}:{string.Join(",", insert.Columns)}:{insert.Rows.Count}\n");
                foreach (var row in insert.Rows)
                {
                    foreach (var value in row)
                    {
                        Append(hash, Text(value));
                        Append(hash, "\u001f");
                    }

                    Append(hash, "\n");
                }

                continue;
            }

            // The runtime type decides the shape, so every field of every other operation counts.
            Append(hash, operation.GetType().Name + ":" + JsonSerializer.Serialize(operation, operation.GetType()) + "\n");
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    private static string Text(object? value) => value switch
    {
        null => "\u0000",
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable f => value.GetType().Name + ":" + f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.GetType().Name + ":" + value,
    };

    private static void Append(IncrementalHash hash, string text)
    {
        Span<byte> buffer = stackalloc byte[512];
        var bytes = text.Length * 3 <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(text, buffer)] : Encoding.UTF8.GetBytes(text);
        hash.AppendData(bytes);
    }
}
