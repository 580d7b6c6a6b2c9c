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
        var text = new StringBuilder();
        foreach (var operation in operations)
        {
            // The runtime type decides the shape, so every field of every operation counts.
            text.Append(operation.GetType().Name).Append(':')
                .Append(JsonSerializer.Serialize(operation, operation.GetType()))
                .Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }
}
