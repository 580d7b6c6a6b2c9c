using System.Collections;
using System.Data.Common;

namespace Migrations.DuckDb.Client;

/// <summary>The parameters of a <see cref="DuckDbCommand"/>.</summary>
#pragma warning disable CA1010 // ADO.NET base classes define the non-generic collection shape.
public sealed class DuckDbParameterCollection : DbParameterCollection
{
    private readonly List<DuckDbParameter> _items = [];

    /// <inheritdoc />
    public override int Count => _items.Count;

    /// <inheritdoc />
    public override object SyncRoot => ((ICollection)_items).SyncRoot;

    internal IReadOnlyList<DuckDbParameter> Items => _items;

    /// <summary>Adds a positional parameter with a value.</summary>
    /// <param name="value">The value.</param>
    public DuckDbParameter AddWithValue(object? value) => Add(new DuckDbParameter("", value));

    /// <summary>Adds a named parameter with a value.</summary>
    /// <param name="name">The name used in SQL, without its <c>$</c>.</param>
    /// <param name="value">The value.</param>
    public DuckDbParameter AddWithValue(string name, object? value) => Add(new DuckDbParameter(name, value));

    /// <summary>Adds a parameter.</summary>
    /// <param name="parameter">The parameter.</param>
    public DuckDbParameter Add(DuckDbParameter parameter)
    {
        _items.Add(parameter);
        return parameter;
    }

    /// <inheritdoc />
    public override int Add(object value)
    {
        _items.Add(Cast(value));
        return _items.Count - 1;
    }

    /// <inheritdoc />
    public override void AddRange(Array values)
    {
        foreach (var value in values)
        {
            Add(value!);
        }
    }

    /// <inheritdoc />
    public override void Clear() => _items.Clear();

    /// <inheritdoc />
    public override bool Contains(object value) => value is DuckDbParameter p && _items.Contains(p);

    /// <inheritdoc />
    public override bool Contains(string value) => IndexOf(value) >= 0;

    /// <inheritdoc />
    public override void CopyTo(Array array, int index) => ((ICollection)_items).CopyTo(array, index);

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc />
    public override int IndexOf(object value) => value is DuckDbParameter p ? _items.IndexOf(p) : -1;

    /// <inheritdoc />
    public override int IndexOf(string parameterName) => _items.FindIndex(p => p.ParameterName == parameterName);

    /// <inheritdoc />
    public override void Insert(int index, object value) => _items.Insert(index, Cast(value));

    /// <inheritdoc />
    public override void Remove(object value) => _items.Remove(Cast(value));

    /// <inheritdoc />
    public override void RemoveAt(int index) => _items.RemoveAt(index);

    /// <inheritdoc />
    public override void RemoveAt(string parameterName) => _items.RemoveAt(IndexOf(parameterName));

    /// <inheritdoc />
    protected override DbParameter GetParameter(int index) => _items[index];

    /// <inheritdoc />
    protected override DbParameter GetParameter(string parameterName) =>
        _items[IndexOf(parameterName)];

    /// <inheritdoc />
    protected override void SetParameter(int index, DbParameter value) => _items[index] = Cast(value);

    /// <inheritdoc />
    protected override void SetParameter(string parameterName, DbParameter value) => _items[IndexOf(parameterName)] = Cast(value);

    private static DuckDbParameter Cast(object value) =>
        value as DuckDbParameter ?? throw new ArgumentException($"Expected a DuckDbParameter, got {value?.GetType().Name ?? "null"}.", nameof(value));
}
#pragma warning restore CA1010
