using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Migrations.Running;

/// <summary>
/// Feeds text to a hash as UTF-8, gathered in one buffer: hashing a million seed values one
/// small call at a time, each with its own string, cost more than loading them. Pieces are never
/// split, and every value sits between separators, so the bytes hashed (and the checksums) are
/// the same as hashing each piece on its own. The buffers are borrowed from the shared pools:
/// a run computes a checksum per migration, and 80 KB of new buffers for each cost more in
/// garbage collections than the hashing.
/// </summary>
internal sealed class ChecksumText : IDisposable
{
    private readonly IncrementalHash _hash;
    private readonly char[] _chars;
    private readonly byte[] _bytes;
    private int _used;

    public ChecksumText(IncrementalHash hash)
    {
        _hash = hash;
        _chars = ArrayPool<char>.Shared.Rent(16 * 1024);

        // Room for the UTF-8 of every char the buffer can hold.
        _bytes = ArrayPool<byte>.Shared.Rent(_chars.Length * 3);
    }

    public void Write(ReadOnlySpan<char> text)
    {
        if (_used + text.Length > _chars.Length)
        {
            Flush();
            if (text.Length > _chars.Length)
            {
                _hash.AppendData(Encoding.UTF8.GetBytes(text.ToArray()));
                return;
            }
        }

        text.CopyTo(_chars.AsSpan(_used));
        _used += text.Length;
    }

    /// <summary>A value as its type's name and its invariant text; NULL as a NUL character.</summary>
    public void WriteValue(object? value)
    {
        switch (value)
        {
            case null:
                Write("\u0000");
                return;
            case byte[] bytes:
                Write(Convert.ToBase64String(bytes));
                return;
            case IFormattable formattable:
                Write(value.GetType().Name);
                Write(":");
                if (value is ISpanFormattable span)
                {
                    // Formatted in place when it fits; otherwise flushed first and tried again.
                    if (span.TryFormat(_chars.AsSpan(_used), out var written, default, CultureInfo.InvariantCulture))
                    {
                        _used += written;
                        return;
                    }

                    Flush();
                    if (span.TryFormat(_chars, out written, default, CultureInfo.InvariantCulture))
                    {
                        _used = written;
                        return;
                    }
                }

                Write(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            default:
                Write(value.GetType().Name);
                Write(":");
                Write(value.ToString());
                return;
        }
    }

    public void Flush()
    {
        var count = Encoding.UTF8.GetBytes(_chars, 0, _used, _bytes, 0);
        _hash.AppendData(_bytes, 0, count);
        _used = 0;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_chars);
        ArrayPool<byte>.Shared.Return(_bytes);
    }
}
