using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.Dialects;

/// <summary>What a planner may need to know about the run's migrations beyond the database.</summary>
public sealed class PlanningContext
{
    private readonly Lazy<IReadOnlyList<CreateEnumOperation>> _declaredEnums;

    /// <summary>Creates a context.</summary>
    /// <param name="declaredEnums">
    /// The enum types declared from C# enums by any known migration. Called only when needed: it may
    /// have to build every migration.
    /// </param>
    public PlanningContext(Func<IReadOnlyList<CreateEnumOperation>> declaredEnums)
    {
        ArgumentNullException.ThrowIfNull(declaredEnums);
        _declaredEnums = new Lazy<IReadOnlyList<CreateEnumOperation>>(declaredEnums);
    }

    /// <summary>
    /// True when the migration being planned was stopped part way and resumes: the parts it completed
    /// have already changed the schema, so checks of names against the schema do not apply to it.
    /// </summary>
    public bool Resuming { get; private init; }

    /// <summary>The same context for planning a migration that resumes after completed parts.</summary>
    public PlanningContext ForResumedMigration() => new(() => _declaredEnums.Value) { Resuming = true };

    /// <summary>A context that knows nothing beyond the operations being planned.</summary>
    public static PlanningContext None { get; } = new(() => []);

    /// <summary>The C# enum an enum type was declared from by a known migration, or null.</summary>
    /// <param name="type">The enum type, its schema resolved.</param>
    /// <param name="names">The dialect's name rules.</param>
    internal Type? ClrTypeOf(TableName type, NameResolver names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return _declaredEnums.Value.LastOrDefault(e => e.ClrType is not null && names.Same(e.Type, type))?.ClrType;
    }
}
