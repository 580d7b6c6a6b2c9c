using Migrations.Operations;

namespace Migrations.Building;

/// <summary>
/// Records the operations of a migration. Each method appends one operation (or a few, for
/// column shorthands such as <c>Unique()</c>); nothing runs until the runner plans and executes them.
/// </summary>
public sealed partial class MigrationBuilder
{
    private readonly List<MigrationOperation> _operations = [];
    private readonly List<(int Operation, string RuleId, string Reason)> _accepted = [];

    /// <summary>The operations recorded so far, in order.</summary>
    public IReadOnlyList<MigrationOperation> Operations => _operations;

    /// <summary>
    /// Where relative data file paths start: the folder of the migration's assembly, so that a tool
    /// that loads the assembly from elsewhere finds the files the app would.
    /// </summary>
    internal string DataDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>Whether the migration read a data file: its operations then depend on more than its code.</summary>
    internal bool ReadDataFiles { get; private set; }

    /// <summary>What <see cref="AllowUnsafe"/> accepted: the operation's index, the rule and the reason.</summary>
    internal IReadOnlyList<(int Operation, string RuleId, string Reason)> Accepted => _accepted;

    /// <summary>
    /// Accepts a safety rule's finding for the operation recorded just before, with the reason (for
    /// example "the table has 40 rows"). To accept a rule for the whole migration, put
    /// <see cref="AllowUnsafeAttribute"/> on its class.
    /// </summary>
    /// <param name="ruleId">The rule's id, for example <c>PG101</c>.</param>
    /// <param name="reason">Why it is safe here; required.</param>
    /// <exception cref="InvalidOperationException">No operation was recorded yet.</exception>
    public MigrationBuilder AllowUnsafe(string ruleId, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException($"AllowUnsafe(\"{ruleId}\") needs a reason: say why the operation is safe here.", nameof(reason));
        }

        if (_operations.Count == 0)
        {
            throw new InvalidOperationException($"AllowUnsafe(\"{ruleId}\") accepts the operation recorded just before it, and there is none yet: call it after the operation.");
        }

        _accepted.Add((_operations.Count - 1, ruleId, reason));
        return this;
    }

    /// <summary>
    /// Carries out this migration's changes to existing tables in forms that keep them readable and
    /// writable, waiting at most <paramref name="lockTimeout"/> for each lock and trying again up to
    /// <paramref name="retries"/> times (see <see cref="SafeRewritesOperation"/>).
    /// <see cref="Running.MigrationRunnerOptions.SafeRewrites"/> does the same for every migration.
    /// </summary>
    /// <param name="lockTimeout">The longest wait for a lock; 5 seconds when null.</param>
    /// <param name="retries">How many more times a step that did not get its lock is tried.</param>
    public MigrationBuilder SafeRewrites(TimeSpan? lockTimeout = null, int retries = 3) =>
        Add(new SafeRewritesOperation(lockTimeout ?? SafeRewritesOperation.Default.LockTimeout, retries));

    /// <summary>Appends an operation built by hand.</summary>
    /// <param name="operation">The operation.</param>
    public MigrationBuilder Add(MigrationOperation operation)
    {
        _operations.Add(operation ?? throw new ArgumentNullException(nameof(operation)));
        return this;
    }

    /// <summary>Creates a table.</summary>
    /// <param name="name">The table's name.</param>
    /// <param name="configure">Adds columns and constraints.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder CreateTable(string name, Action<TableBuilder> configure, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var table = new TableBuilder(new TableName(name, schema));
        configure(table);
        return Add(table.Build());
    }

    /// <summary>Drops a table.</summary>
    /// <param name="name">The table's name.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder DropTable(string name, string? schema = null) =>
        Add(new DropTableOperation(new TableName(name, schema)));

    /// <summary>Renames a table.</summary>
    /// <param name="name">The current name.</param>
    /// <param name="newName">The new name.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder RenameTable(string name, string newName, string? schema = null) =>
        Add(new RenameTableOperation(new TableName(name, schema), newName));

    /// <summary>Adds a column; <c>PrimaryKey()</c>, <c>Unique()</c>, <c>References()</c> and <c>Check()</c> add their constraints after it.</summary>
    /// <param name="table">The table.</param>
    /// <param name="name">The column's name.</param>
    /// <param name="configure">Sets the column's type and options.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder AddColumn(string table, string name, Action<ColumnBuilder> configure, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var tableName = new TableName(table, schema);
        var column = new ColumnBuilder(name);
        configure(column);
        Add(new AddColumnOperation(tableName, column.Build()) { Backfill = column.BackfillValue });
        if (column.IsPrimaryKey)
        {
            Add(new AddPrimaryKeyOperation(tableName, new PrimaryKeyConstraint(ConstraintNames.PrimaryKey(table), [name])));
        }

        if (column.IsUnique)
        {
            Add(new AddUniqueConstraintOperation(tableName, new UniqueConstraint(ConstraintNames.Unique(table, [name]), [name])));
        }

        if (column.Reference is { } reference)
        {
            Add(new AddForeignKeyOperation(tableName, new ForeignKeyConstraint(
                ConstraintNames.ForeignKey(table, [name]), [name], reference.Table, [reference.Column])));
        }

        if (column.CheckExpression is { } check)
        {
            Add(new AddCheckConstraintOperation(tableName, new CheckConstraint(ConstraintNames.Check(table, name), check)));
        }

        return this;
    }

    /// <summary>Drops a column.</summary>
    /// <param name="table">The table.</param>
    /// <param name="name">The column.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder DropColumn(string table, string name, string? schema = null) =>
        Add(new DropColumnOperation(new TableName(table, schema), name));

    /// <summary>Renames a column.</summary>
    /// <param name="table">The table.</param>
    /// <param name="name">The current name.</param>
    /// <param name="newName">The new name.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder RenameColumn(string table, string name, string newName, string? schema = null) =>
        Add(new RenameColumnOperation(new TableName(table, schema), name, newName));

    /// <summary>Changes a column's type, nullability or default.</summary>
    /// <param name="table">The table.</param>
    /// <param name="name">The column.</param>
    /// <param name="configure">The changes, for example <c>a => a.Type(ColumnType.Int64).NotNull()</c>.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder AlterColumn(string table, string name, Action<AlterColumnBuilder> configure, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(new AlterColumnBuilder(this, new TableName(table, schema), name));
        return this;
    }

    /// <summary>Adds a primary key to an existing table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="columns">The key's columns.</param>
    /// <param name="name">The constraint's name; <c>pk_table</c> when null.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder AddPrimaryKey(string table, string[] columns, string? name = null, string? schema = null) =>
        Add(new AddPrimaryKeyOperation(new TableName(table, schema), new PrimaryKeyConstraint(name ?? ConstraintNames.PrimaryKey(table), columns)));

    /// <summary>Adds a unique constraint to an existing table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="columns">The constrained columns.</param>
    /// <param name="name">The constraint's name; derived from the columns when null.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder AddUniqueConstraint(string table, string[] columns, string? name = null, string? schema = null) =>
        Add(new AddUniqueConstraintOperation(new TableName(table, schema), new UniqueConstraint(name ?? ConstraintNames.Unique(table, columns), columns)));

    /// <summary>Adds a foreign key to an existing table.</summary>
    /// <param name="table">The referencing table.</param>
    /// <param name="columns">The referencing columns.</param>
    /// <param name="principalTable">The referenced table.</param>
    /// <param name="principalColumns">The referenced columns.</param>
    /// <param name="name">The constraint's name; derived from the columns when null.</param>
    /// <param name="schema">The schema of the referencing table (and of the referenced one unless <paramref name="principalSchema"/> is given), or null for the default.</param>
    /// <param name="onDelete">What happens to referencing rows when the referenced row is deleted.</param>
    /// <param name="onUpdate">What happens to referencing rows when the referenced key changes.</param>
    /// <param name="principalSchema">The referenced table's schema when it differs from <paramref name="schema"/>.</param>
    public MigrationBuilder AddForeignKey(
        string table,
        string[] columns,
        string principalTable,
        string[] principalColumns,
        string? name = null,
        string? schema = null,
        ReferentialAction onDelete = ReferentialAction.NoAction,
        ReferentialAction onUpdate = ReferentialAction.NoAction,
        string? principalSchema = null) =>
        Add(new AddForeignKeyOperation(new TableName(table, schema), new ForeignKeyConstraint(
            name ?? ConstraintNames.ForeignKey(table, columns), columns, new TableName(principalTable, principalSchema ?? schema), principalColumns)
        { OnDelete = onDelete, OnUpdate = onUpdate }));

    /// <summary>Adds a check constraint to an existing table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="name">The constraint's name.</param>
    /// <param name="expression">A boolean SQL expression.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder AddCheckConstraint(string table, string name, string expression, string? schema = null) =>
        Add(new AddCheckConstraintOperation(new TableName(table, schema), new CheckConstraint(name, expression)));

    /// <summary>Drops a named constraint: primary key, unique, foreign key or check.</summary>
    /// <param name="table">The table.</param>
    /// <param name="name">The constraint's name.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    public MigrationBuilder DropConstraint(string table, string name, string? schema = null) =>
        Add(new DropConstraintOperation(new TableName(table, schema), name));

    /// <summary>Creates an index on one column, named <c>ix_table_column</c>.</summary>
    /// <param name="table">The table.</param>
    /// <param name="column">The indexed column.</param>
    /// <param name="unique">Whether the index rejects duplicates.</param>
    /// <param name="name">The index's name, or null for the derived one.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    /// <param name="concurrently">Build without blocking writes (PostgreSQL); the migration then runs without a transaction.</param>
    public MigrationBuilder CreateIndex(string table, string column, bool unique = false, string? name = null, string? schema = null, bool concurrently = false) =>
        CreateIndex(table, [column], unique, name, schema, concurrently);

    /// <summary>Creates an index over several columns.</summary>
    /// <param name="table">The table.</param>
    /// <param name="columns">The indexed columns in order.</param>
    /// <param name="unique">Whether the index rejects duplicates.</param>
    /// <param name="name">The index's name, or null for <c>ix_table_col1_col2</c>.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    /// <param name="concurrently">Build without blocking writes (PostgreSQL); the migration then runs without a transaction.</param>
    public MigrationBuilder CreateIndex(string table, string[] columns, bool unique = false, string? name = null, string? schema = null, bool concurrently = false) =>
        Add(new CreateIndexOperation(new TableName(table, schema), name ?? ConstraintNames.Index(table, columns), columns, unique) { Concurrently = concurrently });

    /// <summary>Drops an index.</summary>
    /// <param name="table">The indexed table.</param>
    /// <param name="name">The index's name.</param>
    /// <param name="schema">The schema, or null for the default.</param>
    /// <param name="concurrently">Drop without blocking (PostgreSQL); the migration then runs without a transaction.</param>
    public MigrationBuilder DropIndex(string table, string name, string? schema = null, bool concurrently = false) =>
        Add(new DropIndexOperation(new TableName(table, schema), name) { Concurrently = concurrently });

    /// <summary>Limits lock waits and statement run time for this migration (PostgreSQL; ignored where unsupported).</summary>
    /// <param name="lockTimeout">The longest wait for a lock.</param>
    /// <param name="statementTimeout">The longest run of one statement.</param>
    public MigrationBuilder Timeouts(TimeSpan? lockTimeout = null, TimeSpan? statementTimeout = null) =>
        Add(new TimeoutsOperation(lockTimeout, statementTimeout));

    /// <summary>Runs SQL as written, inside the migration's transaction.</summary>
    /// <param name="sql">The SQL.</param>
    public MigrationBuilder Sql(string sql) => Add(new SqlOperation(sql));

}
