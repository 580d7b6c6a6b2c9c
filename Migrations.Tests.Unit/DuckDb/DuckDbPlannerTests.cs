using Migrations.Dialects;
using DuckDB.NET.Data;
using Migrations.DuckDb.Planning;
using Migrations.Operations;

namespace Migrations.Tests.DuckDb;

/// <summary>The planner's choices as data, planned against a real in-memory DuckDB.</summary>
public class DuckDbPlannerTests
{
    private DuckDBConnection _connection = null!;

    [SetUp]
    public void SetUp()
    {
        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
    }

    [TearDown]
    public void TearDown() => _connection.Dispose();

    [Test]
    public async Task Identity_columns_become_a_sequence_and_a_nextval_default()
    {
        var plan = await Plan(new CreateTableOperation(new TableName("t"), [new ColumnDefinition("id", ColumnType.Int64) { IsIdentity = true, IsNullable = false }]));
        Assert.That(plan.Steps.Select(s => s.Sql), Is.EqualTo(new[]
        {
            "CREATE SEQUENCE \"main\".\"t_id_seq\" START WITH 1 INCREMENT BY 1",
            "COMMENT ON SEQUENCE \"main\".\"t_id_seq\" IS 'Migrations: identity of main.t.id'",
            "CREATE TABLE \"main\".\"t\" (\"id\" BIGINT NOT NULL DEFAULT nextval('\"main\".\"t_id_seq\"'))",
        }));
        Assert.That(plan.IsExact, Is.True);
    }

    [Test]
    public async Task Not_null_column_is_added_then_constrained_and_drop_table_drops_its_sequence()
    {
        var table = new TableName("t");
        var plan = await Plan(
            new CreateTableOperation(table, [new ColumnDefinition("id", ColumnType.Int32) { IsIdentity = true }]),
            new AddColumnOperation(table, new ColumnDefinition("c", ColumnType.Text) { IsNullable = false, Default = DefaultValue.Constant("x") }),
            new DropTableOperation(table));

        Assert.That(plan.Steps.Skip(3).Take(4).Select(s => s.Sql), Is.EqualTo(new[]
        {
            "ALTER TABLE \"main\".\"t\" ADD COLUMN \"c\" VARCHAR DEFAULT 'x'",
            "ALTER TABLE \"main\".\"t\" ALTER COLUMN \"c\" SET NOT NULL",
            "DROP TABLE \"main\".\"t\"",
            "DROP SEQUENCE \"main\".\"t_id_seq\"",
        }));
        Assert.That(plan.Steps[3].Source, Is.InstanceOf<AddColumnOperation>());
    }

    [Test]
    public async Task Not_null_column_on_a_referenced_table_moves_the_child_aside_and_alters_the_parent_in_place()
    {
        Execute("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (pid INTEGER REFERENCES p (id)); CREATE INDEX ix_c ON c (pid)");
        var plan = await Plan(new AddColumnOperation(new TableName("p"), new ColumnDefinition("email", ColumnType.Text) { IsNullable = false })
        {
            Backfill = DefaultValue.Constant("none"),
        });

        Assert.That(plan.Steps[0].Comment, Is.EqualTo("move main.c aside, which reference main.p, so that DuckDB lets main.p change in place: main.c references it by a foreign key, and DuckDB refuses SET NOT NULL there"));
        Assert.That(plan.Steps.Select(s => s.Sql).Take(9), Is.EqualTo(new[]
        {
            "CREATE TEMP TABLE \"__migrations_copy_0_main_c\" AS SELECT * FROM \"main\".\"c\"",
            "DROP TABLE \"main\".\"c\"",
            "ALTER TABLE \"main\".\"p\" ADD COLUMN \"email\" VARCHAR DEFAULT 'none'",
            "ALTER TABLE \"main\".\"p\" ALTER COLUMN \"email\" SET NOT NULL",
            "ALTER TABLE \"main\".\"p\" ALTER COLUMN \"email\" DROP DEFAULT",
            "CREATE TABLE \"main\".\"c\" (\"pid\" INTEGER, CONSTRAINT \"c_pid_id_fkey\" FOREIGN KEY (\"pid\") REFERENCES \"main\".\"p\" (\"id\"))",
            "INSERT INTO \"main\".\"c\" (\"pid\") SELECT \"pid\" FROM \"__migrations_copy_0_main_c\"",
            "CREATE INDEX \"ix_c\" ON \"main\".\"c\" (\"pid\")",
            "DROP TABLE \"__migrations_copy_0_main_c\"",
        }));
    }

    [Test]
    public async Task A_column_in_a_referenced_key_still_rebuilds_parent_and_child()
    {
        Execute("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (pid INTEGER REFERENCES p (id))");
        var plan = await Plan(new AlterColumnTypeOperation(new TableName("p"), "id", ColumnType.Int64));

        Assert.That(plan.Steps[0].Comment, Does.StartWith("rebuild main.p and main.c, which reference it, because \"id\" is in the primary key"));
        Assert.That(plan.Steps.Select(s => s.Sql), Does.Contain("CREATE TABLE \"main\".\"c\" (\"pid\" BIGINT, CONSTRAINT \"c_pid_id_fkey\" FOREIGN KEY (\"pid\") REFERENCES \"main\".\"p\" (\"id\"))"),
            "the referencing column follows the new key type");
    }

    [Test]
    public async Task Raw_sql_makes_later_schema_dependent_plans_inexact()
    {
        var planner = new DuckDbPlanner(_connection);
        var first = await planner.PlanAsync([new SqlOperation("CREATE TABLE t (a INTEGER)")], CancellationToken.None);
        var second = await planner.PlanAsync([new DropTableOperation(new TableName("t"))], CancellationToken.None);
        Assert.That((first.IsExact, second.IsExact), Is.EqualTo((true, false)));
    }

    private Task<MigrationPlan> Plan(params MigrationOperation[] operations) =>
        new DuckDbPlanner(_connection).PlanAsync(operations, CancellationToken.None);

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
