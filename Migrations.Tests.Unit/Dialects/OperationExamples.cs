using Migrations.Operations;

namespace Migrations.Tests.Dialects;

/// <summary>How an operation's effect on the schema is known.</summary>
public enum ModelEffect
{
    /// <summary>The model advances by the operation; the database must then read back the same schema.</summary>
    Simulated,

    /// <summary>Raw SQL: the model cannot know its effect and is read from the database after it.</summary>
    ReadFromDatabase,
}

/// <summary>One example of an operation type, on the schema <see cref="OperationExamples.Setup"/> makes.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="NeedsDown">True when the operation has no automatic inverse and a migration must say how to undo it.</param>
/// <param name="Effect">How its effect on the schema is known.</param>
public sealed record OperationExample(MigrationOperation Operation, bool NeedsDown, ModelEffect Effect = ModelEffect.Simulated)
{
    public override string ToString() => Operation.GetType().Name;
}

/// <summary>
/// An example of every <see cref="MigrationOperation"/> type. A new operation type fails the
/// completeness test until it has an example here, and then until every dialect renders it, the
/// model follows it, the database reads back what the model says, and it has an inverse or is
/// marked as needing an explicit Down.
/// </summary>
public static class OperationExamples
{
    private static readonly TableName Things = new("things");
    private static readonly TableName Owners = new("owners");
    private static readonly TableName Loose = new("loose");

    /// <summary>The schema every example starts from, with rows.</summary>
    public static IReadOnlyList<MigrationOperation> Setup { get; } =
    [
        new CreateEnumOperation(new TableName("mood"), ["happy", "sad", "gone"]),
        new CreateEnumOperation(new TableName("unused"), ["x"]),
        new CreateSequenceOperation(new TableName("counter")),
        new CreateTableOperation(Owners, [Column("id", ColumnType.Int64, nullable: false), Column("code", ColumnType.String(20), nullable: false)])
        {
            PrimaryKey = new PrimaryKeyConstraint("owners_pkey", ["id"]),
        },
        new CreateTableOperation(Things,
        [
            Column("id", ColumnType.Int64, nullable: false),
            Column("name", ColumnType.String(100), nullable: false),
            Column("qty", ColumnType.Int32),
            Column("owner_id", ColumnType.Int64),
            Column("feeling", ColumnType.Enum("mood")),
        ])
        {
            PrimaryKey = new PrimaryKeyConstraint("things_pkey", ["id"]),
            CheckConstraints = [new CheckConstraint("ck_things_name", "length(name) > 0")],
        },
        new CreateTableOperation(Loose, [Column("a", ColumnType.Int64, nullable: false), Column("b", ColumnType.Text)]),
        new CreateIndexOperation(Things, "ix_things_name", ["name"]),
        new InsertDataOperation(Owners, ["id", "code"], [[1L, "a"]]),
        new InsertDataOperation(Things, ["id", "name", "qty", "owner_id", "feeling"], [[1L, "one", 1, 1L, "happy"], [2L, "two", 2, null, "sad"]]),
    ];

    /// <summary>One example per operation type.</summary>
    public static IReadOnlyDictionary<Type, OperationExample> ByType { get; } = new OperationExample[]
    {
        new(new AddCheckConstraintOperation(Things, new CheckConstraint("ck_things_qty", "qty < 1000")), NeedsDown: false),
        new(new AddColumnOperation(Things, Column("note", ColumnType.String(50))), NeedsDown: false),
        new(new AddEnumValueOperation(new TableName("mood"), "calm"), NeedsDown: false),
        new(new AddForeignKeyOperation(Things, new ForeignKeyConstraint("fk_things_owner", ["owner_id"], Owners, ["id"])), NeedsDown: false),
        new(new AddPrimaryKeyOperation(Loose, new PrimaryKeyConstraint("loose_pkey", ["a"])), NeedsDown: false),
        new(new AddUniqueConstraintOperation(Owners, new UniqueConstraint("uq_owners_code", ["code"])), NeedsDown: false),
        new(new AlterColumnDefaultOperation(Things, "qty", DefaultValue.Constant(5)), NeedsDown: true),
        new(new AlterColumnNullabilityOperation(Things, "qty", IsNullable: false), NeedsDown: true),
        new(new AlterColumnTypeOperation(Things, "qty", ColumnType.Int64), NeedsDown: true),
        new(new CreateEnumOperation(new TableName("size"), ["s", "m"]), NeedsDown: false),
        new(new CreateIndexOperation(Things, "ix_things_qty", ["qty"]), NeedsDown: false),
        new(new CreateSequenceOperation(new TableName("ticket")), NeedsDown: false),
        new(new CreateTableOperation(new TableName("extras"), [Column("id", ColumnType.Int32, nullable: false)]), NeedsDown: false),
        new(new DeleteDataOperation(Things, [new ColumnValue("id", 2L)]), NeedsDown: true),
        new(new DropColumnOperation(Things, "qty"), NeedsDown: true),
        new(new DropConstraintOperation(Things, "ck_things_name"), NeedsDown: true),
        new(new DropEnumOperation(new TableName("unused")), NeedsDown: true),
        new(new DropEnumValueOperation(new TableName("mood"), "gone"), NeedsDown: true),
        new(new DropIndexOperation(Things, "ix_things_name"), NeedsDown: true),
        new(new DropSequenceOperation(new TableName("counter")), NeedsDown: true),
        new(new DropTableOperation(Loose), NeedsDown: true),
        new(new InsertDataOperation(Owners, ["id", "code"], [[2L, "b"]]), NeedsDown: true),
        new(new RenameColumnOperation(Things, "qty", "quantity"), NeedsDown: false),
        new(new RenameEnumValueOperation(new TableName("mood"), "sad", "blue"), NeedsDown: false),
        new(new RenameTableOperation(Loose, "relaxed"), NeedsDown: false),
        new(SafeRewritesOperation.Default, NeedsDown: false),
        new(new SqlOperation("CREATE TABLE raw_made (a INTEGER)"), NeedsDown: true, ModelEffect.ReadFromDatabase),
        new(new TimeoutsOperation(TimeSpan.FromSeconds(10), null), NeedsDown: true),
        new(new UpdateDataOperation(Things, [new ColumnValue("name", "uno")], [new ColumnValue("id", 1L)]), NeedsDown: true),
    }.ToDictionary(e => e.Operation.GetType());

    /// <summary>Every concrete operation type the library defines.</summary>
    public static IEnumerable<Type> OperationTypes() =>
        typeof(MigrationOperation).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(MigrationOperation)) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    private static ColumnDefinition Column(string name, ColumnType type, bool nullable = true) => new(name, type) { IsNullable = nullable };
}
