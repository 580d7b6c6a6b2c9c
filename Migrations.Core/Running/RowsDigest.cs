using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Migrations.Operations;

namespace Migrations.Running;

/// <summary>
/// The fingerprint of a seed's rows for the checksum: each value as a tag for its type and its
/// exact bits (strings as their UTF-16 code units, with their length), each row closed by a
/// marker, the number of rows last, all hashed with SHA-256. Nothing is formatted as text, so a
/// million values cost a few milliseconds; and since the count comes last, rows read from a
/// sequence are fingerprinted on their first read, with no second pass.
/// </summary>
internal sealed class RowsDigest : IDisposable
{
    private const int BufferBytes = 64 * 1024;

    /// <summary>The most any fixed-size value takes with its tag: a decimal's 16 bytes, a Guid's 16.</summary>
    private const int LargestFixed = 1 + 16;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
    private int _used;
    private long _rows;

    /// <summary>The fingerprint of <paramref name="rows"/>: remembered by rows read from a sequence, worked out here for rows in memory.</summary>
    public static string Of(IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        if (rows is StreamedRows streamed)
        {
            return streamed.Digest;
        }

        using var digest = new RowsDigest();
        foreach (var row in rows)
        {
            digest.Add(row);
        }

        return digest.Complete();
    }

    /// <summary>Adds one row's values, in order.</summary>
    public void Add(IReadOnlyList<object?> row)
    {
        if (row is object?[] values)
        {
            // Rows are nearly always arrays: read without a call through the interface per value.
            foreach (var value in values)
            {
                Add(value);
            }
        }
        else
        {
            for (var i = 0; i < row.Count; i++)
            {
                Add(row[i]);
            }
        }

        Reserve(1)[0] = (byte)Tag.RowEnd;
        _used++;
        _rows++;
    }

    /// <summary>The fingerprint of the rows added, with their number.</summary>
    public string Complete()
    {
        var end = Reserve(9);
        end[0] = (byte)Tag.Count;
        BinaryPrimitives.WriteInt64LittleEndian(end[1..], _rows);
        _used += 9;
        Flush();
        return Convert.ToHexString(_hash.GetHashAndReset()).ToLowerInvariant();
    }

    public void Dispose()
    {
        _hash.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    private void Add(object? value)
    {
        switch (value)
        {
            case null:
                Fixed(Tag.Null, 0);
                return;
            case string text:
                Text(Tag.String, text);
                return;
            case long n:
                BinaryPrimitives.WriteInt64LittleEndian(Fixed(Tag.Int64, 8), n);
                return;
            case int n:
                BinaryPrimitives.WriteInt32LittleEndian(Fixed(Tag.Int32, 4), n);
                return;
            case decimal d:
                var bits = Fixed(Tag.Decimal, 16);
                Span<int> parts = stackalloc int[4];
                _ = decimal.GetBits(d, parts);
                for (var i = 0; i < 4; i++)
                {
                    BinaryPrimitives.WriteInt32LittleEndian(bits[(i * 4)..], parts[i]);
                }

                return;
            case double n:
                BinaryPrimitives.WriteDoubleLittleEndian(Fixed(Tag.Double, 8), n);
                return;
            case bool b:
                Fixed(Tag.Bool, 1)[0] = b ? (byte)1 : (byte)0;
                return;
            case DateTime t:
                // The kind counts: the same clock reading in UTC and unspecified loads differently into timestamptz.
                var stamp = Fixed(Tag.DateTime, 9);
                BinaryPrimitives.WriteInt64LittleEndian(stamp, t.Ticks);
                stamp[8] = (byte)t.Kind;
                return;
            case DateTimeOffset t:
                var offset = Fixed(Tag.DateTimeOffset, 10);
                BinaryPrimitives.WriteInt64LittleEndian(offset, t.Ticks);
                BinaryPrimitives.WriteInt16LittleEndian(offset[8..], (short)t.TotalOffsetMinutes);
                return;
            case DateOnly d:
                BinaryPrimitives.WriteInt32LittleEndian(Fixed(Tag.DateOnly, 4), d.DayNumber);
                return;
            case TimeOnly t:
                BinaryPrimitives.WriteInt64LittleEndian(Fixed(Tag.TimeOnly, 8), t.Ticks);
                return;
            case TimeSpan t:
                BinaryPrimitives.WriteInt64LittleEndian(Fixed(Tag.TimeSpan, 8), t.Ticks);
                return;
            case Guid g:
                _ = g.TryWriteBytes(Fixed(Tag.Guid, 16));
                return;
            case short n:
                BinaryPrimitives.WriteInt16LittleEndian(Fixed(Tag.Int16, 2), n);
                return;
            case byte n:
                Fixed(Tag.Byte, 1)[0] = n;
                return;
            case sbyte n:
                Fixed(Tag.SByte, 1)[0] = unchecked((byte)n);
                return;
            case ushort n:
                BinaryPrimitives.WriteUInt16LittleEndian(Fixed(Tag.UInt16, 2), n);
                return;
            case uint n:
                BinaryPrimitives.WriteUInt32LittleEndian(Fixed(Tag.UInt32, 4), n);
                return;
            case ulong n:
                BinaryPrimitives.WriteUInt64LittleEndian(Fixed(Tag.UInt64, 8), n);
                return;
            case float n:
                BinaryPrimitives.WriteSingleLittleEndian(Fixed(Tag.Single, 4), n);
                return;
            case char c:
                BinaryPrimitives.WriteUInt16LittleEndian(Fixed(Tag.Char, 2), c);
                return;
            case byte[] bytes:
                Bytes(Tag.Bytes, bytes);
                return;
            case BigInteger n:
                Bytes(Tag.BigInteger, n.ToByteArray());
                return;
            case Enum e:
                // By name, as it is loaded: renaming a member changes the seeded label.
                Text(Tag.Enum, e.GetType().FullName + "." + e.ToString());
                return;
            default:
                // Refused by the checks before anything runs; told apart here all the same.
                Text(Tag.Other, value.GetType().FullName + ":" + Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
        }
    }

    /// <summary>Writes the tag and returns room for <paramref name="size"/> bytes after it.</summary>
    private Span<byte> Fixed(Tag tag, int size)
    {
        var room = Reserve(LargestFixed);
        room[0] = (byte)tag;
        _used += 1 + size;
        return room.Slice(1, size);
    }

    private void Text(Tag tag, string text)
    {
        if (BitConverter.IsLittleEndian)
        {
            Bytes(tag, MemoryMarshal.AsBytes(text.AsSpan()));
            return;
        }

        Bytes(tag, Encoding.Unicode.GetBytes(text));
    }

    private void Bytes(Tag tag, ReadOnlySpan<byte> bytes)
    {
        var head = Reserve(5);
        head[0] = (byte)tag;
        BinaryPrimitives.WriteInt32LittleEndian(head[1..], bytes.Length);
        _used += 5;
        if (bytes.Length > BufferBytes - _used)
        {
            Flush();
            _hash.AppendData(bytes);
            return;
        }

        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    private Span<byte> Reserve(int size)
    {
        if (_used + size > BufferBytes)
        {
            Flush();
        }

        return _buffer.AsSpan(_used);
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
    }

    /// <summary>The kind of each value; the numbers are part of every checksum recorded, so they never change.</summary>
    private enum Tag : byte
    {
        Null = 0,
        String = 1,
        Int64 = 2,
        Int32 = 3,
        Decimal = 4,
        Double = 5,
        Bool = 6,
        DateTime = 7,
        DateTimeOffset = 8,
        DateOnly = 9,
        TimeOnly = 10,
        TimeSpan = 11,
        Guid = 12,
        Int16 = 13,
        Byte = 14,
        SByte = 15,
        UInt16 = 16,
        UInt32 = 17,
        UInt64 = 18,
        Single = 19,
        Char = 20,
        Bytes = 21,
        BigInteger = 22,
        Enum = 23,
        Other = 24,
        RowEnd = 254,
        Count = 255,
    }
}
