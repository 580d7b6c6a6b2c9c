namespace Migrations.Dialects;

/// <summary>A database error as the runner understands it, read from the provider's exception by the dialect.</summary>
/// <param name="Kind">What went wrong.</param>
public sealed record ProviderError(ProviderErrorKind Kind)
{
    /// <summary>The offending key or value as the database reported it, written <c>column = value</c> where it can be (for example <c>email = a@example.com</c>); null when it did not say.</summary>
    public string? Found { get; init; }

    /// <summary>The column the database named, if any.</summary>
    public string? Column { get; init; }

    /// <summary>The constraint or object the database named, if any.</summary>
    public string? Name { get; init; }
}
