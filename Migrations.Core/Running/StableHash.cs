using System.Globalization;

namespace Migrations.Running;

/// <summary>
/// A 128-bit hash of text that is the same in every process (two FNV-1a lanes with different
/// starting states). For keys that only have to tell builds and histories apart, on the start-up
/// path where loading the platform's cryptography costs more than everything else hashed.
/// Not for anything an attacker chooses: the history checksums stay SHA-256. Text can be fed in
/// pieces: the hash is that of the pieces joined.
/// </summary>
internal struct StableHash
{
    private const ulong Prime = 0x100000001b3;

    private ulong _first;
    private ulong _second;

    /// <summary>A hash of no text yet.</summary>
    public StableHash() => (_first, _second) = (0xcbf29ce484222325UL, 0x84222325cbf29ce4UL);

    public static string Of(string text)
    {
        var hash = new StableHash();
        hash.Append(text);
        return hash.ToString();
    }

    public void Append(ReadOnlySpan<char> text)
    {
        foreach (var ch in text)
        {
            Append(ch);
        }
    }

    public void Append(char ch)
    {
        _first = (_first ^ ch) * Prime;
        _second = (_second ^ ch) * Prime;
        _second ^= _second >> 29;
    }

    /// <summary>Adds a number as its invariant digits.</summary>
    public void Append(long number)
    {
        Span<char> digits = stackalloc char[20];
        _ = number.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        Append(digits[..written]);
    }

    public override readonly string ToString() =>
        _first.ToString("x16", CultureInfo.InvariantCulture) + _second.ToString("x16", CultureInfo.InvariantCulture);
}
