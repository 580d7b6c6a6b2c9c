namespace Migrations.Operations;

/// <summary>A check constraint: a boolean SQL expression every row must satisfy.</summary>
/// <param name="Name">The constraint's name.</param>
/// <param name="Expression">The SQL expression, in the dialect's words.</param>
public sealed record CheckConstraint(string Name, string Expression);
