using Migrations.Operations;

namespace Migrations.Schema;

/// <summary>A view and the statement that defines it, as the database shows it.</summary>
/// <param name="Name">The view's name with its schema resolved.</param>
/// <param name="Sql">The defining statement.</param>
public sealed record ViewModel(TableName Name, string Sql);
