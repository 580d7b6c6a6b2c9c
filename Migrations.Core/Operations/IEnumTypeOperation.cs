namespace Migrations.Operations;

/// <summary>An operation on an enum type: create, drop, or change its values.</summary>
public interface IEnumTypeOperation
{
    /// <summary>The enum type.</summary>
    TableName Type { get; }
}
