using System.Globalization;

namespace Migrations.Running;

/// <summary>
/// A 128-bit hash of text that is the same in every process (two FNV-1a lanes with different
/// starting states). For keys that only have to tell builds and histories apart, on the start-up
/// path where loading the platform's cryptography costs more than everything else hashed.
/// Not for anything an attacker chooses: the history checksums stay SHA-256.
/// </summary>
internal static class StableHash
{
    private const ulong Prime = 0x100000001b3;

    public static string Of(string text)
    {
        var (first, second) = (0xcbf29ce484222325UL, 0x84222325cbf29ce4UL);
        foreach (var ch in text)
        {
            first = (first ^ ch) * Prime;
            second = (second ^ ch) * Prime;
            second ^= second >> 29;
        }

        return first.ToString("x16", CultureInfo.InvariantCulture) + second.ToString("x16", CultureInfo.InvariantCulture);
    }
}
