using System.Collections;
using Migrations.Running;

namespace Migrations.Operations;

/// <summary>
/// Seed rows read from a sequence each time they are needed (to check them before anything runs,
/// to send them, to take the checksum) and never held all at once, so a seed larger than memory
/// loads in the memory of one chunk. The sequence must yield the same rows every time it is read;
/// a read that yields a different number of rows than the first fails the migration, which then
/// rolls back. The first complete read also takes the rows' fingerprint for the checksum, so the
/// checks' read is the only one before the rows are sent.
/// </summary>
internal sealed class StreamedRows : IReadOnlyList<IReadOnlyList<object?>>
{
    private readonly IEnumerable<IReadOnlyList<object?>> _source;
    private readonly string _what;
    private int? _count;
    private string? _digest;

    /// <summary>False for rows derived from others (mapped for one database): the checksum covers the rows as the migration gives them.</summary>
    private bool _fingerprinted = true;

    /// <param name="source">The rows.</param>
    /// <param name="what">The operation, as an error about the rows names it.</param>
    public StreamedRows(IEnumerable<IReadOnlyList<object?>> source, string what) => (_source, _what) = (source, what);

    /// <summary>Known once the rows were read through once (the checks before anything runs do that).</summary>
    public int Count
    {
        get
        {
            if (_count is null)
            {
                ReadThrough();
            }

            return _count!.Value;
        }
    }

    /// <summary>The rows' fingerprint for the checksum (<see cref="RowsDigest"/>), taken on the first complete read.</summary>
    public string Digest
    {
        get
        {
            if (!_fingerprinted)
            {
                throw new InvalidOperationException($"{_what}: these rows were mapped from the migration's own; take the fingerprint of those.");
            }

            if (_digest is null)
            {
                ReadThrough();
            }

            return _digest!;
        }
    }

    /// <summary>Reads up to the row: rows given as a sequence are meant to be read in order.</summary>
    public IReadOnlyList<object?> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            var at = 0;
            foreach (var row in _source)
            {
                if (at++ == index)
                {
                    return row;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(index), index, $"{_what} has {at} rows.");
        }
    }

    /// <summary>The same rows, each changed by <paramref name="map"/> as it is read.</summary>
    public StreamedRows Select(Func<IReadOnlyList<object?>, int, IReadOnlyList<object?>> map) =>
        new(_source.Select(map), _what) { _count = _count, _fingerprinted = false };

    public IEnumerator<IReadOnlyList<object?>> GetEnumerator()
    {
        var read = 0;
        using var digest = _fingerprinted && _digest is null ? new RowsDigest() : null;
        foreach (var row in _source)
        {
            read++;
            digest?.Add(row);
            yield return row;
        }

        if (_count is { } expected && expected != read)
        {
            throw new InvalidOperationException(
                $"{_what}: its rows are read each time they are needed, and this time the sequence yielded {read} rows where it yielded {expected} before. " +
                "Give a sequence that yields the same rows every time it is read: an iterator method or a query over data in memory, not a reader that is used up.");
        }

        _count = read;
        _digest ??= digest?.Complete();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Reads every row once, which counts and fingerprints them.</summary>
    private void ReadThrough()
    {
        using var rows = GetEnumerator();
        while (rows.MoveNext())
        {
        }
    }
}
