namespace Migrations.Operations;

/// <summary>An operation on one table (its structure or its rows).</summary>
public interface ITableOperation
{
    /// <summary>The table the operation works on.</summary>
    TableName Table { get; }
}
