using Migrations.Operations;

namespace Migrations.Dialects;

/// <summary>An operation that the dialect cannot carry out on the database as it is; raised before any of the migration's SQL runs.</summary>
public sealed class MigrationPlanningException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation that cannot be carried out.</param>
    /// <param name="message">What is wrong and what to do instead.</param>
    public MigrationPlanningException(MigrationOperation operation, string message)
        : base(message) => Operation = operation;

    /// <summary>The operation that cannot be carried out.</summary>
    public MigrationOperation Operation { get; }
}
