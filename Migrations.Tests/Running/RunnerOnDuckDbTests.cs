using Migrations.Building;
using Migrations.DuckDb;
using DuckDB.NET.Data;
using Migrations.Running;
using Migrations.Tests.Support;

namespace Migrations.Tests.Running;

/// <summary>The runner's promises, checked against a real DuckDB file.</summary>
public class RunnerOnDuckDbTests : DuckDbFileTests
{
    [Test]
    public async Task Second_run_applies_nothing_and_history_records_each_migration()
    {
        var runner = Db.Runner(typeof(People), typeof(PeopleEmail));
        var first = await runner.MigrateAsync();
        var second = await runner.MigrateAsync();

        Assert.That(first.Applied.Select(a => a.Version), Is.EqualTo(new[] { 10L, 20L }));
        Assert.That(second.NothingToDo, Is.True);
        var history = Db.Rows("SELECT version, description, applied_at IS NOT NULL, execution_ms >= 0, length(checksum) FROM __migrations_history ORDER BY version");
        Assert.That(history, Is.EqualTo(new[]
        {
            new object[] { 10L, "People", true, true, 64L },
            new object[] { 20L, "People get an email", true, true, 64L },
        }));
    }

    [Test]
    public async Task Up_then_down_to_zero_returns_the_schema_to_what_it_was()
    {
        var before = Db.Catalog();
        var runner = Db.Runner(typeof(People), typeof(PeopleEmail));
        await runner.MigrateAsync();
        Assert.That(Db.Catalog(), Is.Not.EqualTo(before));

        await runner.MigrateToAsync(10);
        Assert.That(Db.Rows("SELECT column_name FROM duckdb_columns() WHERE table_name = 'people' ORDER BY column_index").Select(r => r[0]),
            Is.EqualTo(new[] { "id", "name" }));
        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 10L }));

        var result = await runner.MigrateToAsync(0);
        Assert.That(result.Reverted.Select(r => r.Version), Is.EqualTo(new[] { 10L }));
        Assert.That(Db.Catalog(), Is.EqualTo(before));
        Assert.That(Db.HistoryVersions(), Is.Empty);

        await runner.MigrateAsync();
        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 10L, 20L }), "re-applying after a full revert works");
    }

    [TestCase(typeof(FailsOnMissingTable), "Catalog Error", TestName = "A non-aborting error (Catalog) half way leaves everything as it was")]
    [TestCase(typeof(FailsOnConstraint), "Constraint Error", TestName = "An aborting error (Constraint) half way leaves everything as it was")]
    [TestCase(typeof(FailsAtCommit), "Failed to commit", TestName = "A failed COMMIT leaves everything as it was")]
    public async Task A_failing_migration_changes_nothing(Type failing, string databaseMessage)
    {
        await Db.Runner(typeof(People)).MigrateAsync();
        Db.Execute("INSERT INTO people (name) VALUES ('Ann'), ('Bob')");
        var catalog = Db.Catalog(includeHistory: true);
        var rows = Db.RowChecksum("people");
        var history = Db.RowChecksum("__migrations_history");

        var error = Assert.ThrowsAsync<MigrationException>(() => Db.Runner(typeof(People), failing).MigrateAsync());

        Assert.That(error!.Message, Does.Contain(failing.Name).And.Contain(databaseMessage).And.Contain("rolled back"));
        Assert.That(error.Migration.Type, Is.EqualTo(failing));
        Assert.That(Db.Catalog(includeHistory: true), Is.EqualTo(catalog));
        Assert.That(Db.RowChecksum("people"), Is.EqualTo(rows));
        Assert.That(Db.RowChecksum("__migrations_history"), Is.EqualTo(history));
        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 10L }));
    }

    [Test]
    public void The_error_names_the_operation_and_the_sql()
    {
        var error = Assert.ThrowsAsync<MigrationException>(() => Db.Runner(typeof(People), typeof(FailsOnMissingTable)).MigrateAsync());
        Assert.That(error!.Operation, Is.EqualTo("Sql \"INSERT INTO nowhere VALUES (1)\""));
        Assert.That(error.Sql, Is.EqualTo("INSERT INTO nowhere VALUES (1)"));
        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 10L }), "the migration before it stays applied");
    }

    [TestCase(new[] { typeof(People), typeof(SameVersionAsPeople) }, "Version 10 is used by", "People", "SameVersionAsPeople")]
    [TestCase(new[] { typeof(NoAttribute) }, "NoAttribute", "has no [Migration(version, \"description\")] attribute")]
    [TestCase(new[] { typeof(AbstractMigration) }, "AbstractMigration", "is abstract")]
    [TestCase(new[] { typeof(GenericMigration<>) }, "GenericMigration", "is generic")]
    [TestCase(new[] { typeof(ZeroVersion) }, "ZeroVersion", "versions must be greater than 0")]
    [TestCase(new[] { typeof(NegativeVersion) }, "NegativeVersion", "versions must be greater than 0")]
    [TestCase(new[] { typeof(EmptyUp) }, "EmptyUp", "Up records no operation")]
    [TestCase(new[] { typeof(UnknownType) }, "UnknownType", "DuckDB has no column type 'geometry'")]
    [TestCase(new[] { typeof(CascadingForeignKey) }, "CascadingForeignKey", "no ON DELETE/ON UPDATE actions")]
    [TestCase(new[] { typeof(People), typeof(DropsUnknownConstraint) }, "DropsUnknownConstraint", "main.people has no constraint named \"nope\"", "Its constraints: pk_people")]
    public void Bad_input_is_refused_with_a_clear_message_before_any_sql_runs(Type[] migrations, params string[] expected)
    {
        var error = Assert.ThrowsAsync<MigrationValidationException>(() => Db.Runner(migrations).MigrateAsync());
        foreach (var text in expected)
        {
            Assert.That(error!.Message, Does.Contain(text));
        }

        Assert.That(Db.Rows("SELECT table_name FROM duckdb_tables()"), Is.Empty, "no table, not even the history table, was created");
    }

    [Test]
    public void Migrations_that_cannot_run_are_reported_before_a_database_that_cannot_be_opened()
    {
        var unreachable = $"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "missing-folder", "app.duckdb")}";

        var invalid = Assert.ThrowsAsync<MigrationValidationException>(() =>
            new MigrationRunner(new DuckDbDialect(unreachable), new MigrationRunnerOptions().Add(typeof(NoAttribute))).MigrateAsync());
        var valid = Assert.CatchAsync(() =>
            new MigrationRunner(new DuckDbDialect(unreachable), new MigrationRunnerOptions().Add(typeof(People))).MigrateAsync());

        Assert.That(invalid!.Message, Does.Contain("has no [Migration(version, \"description\")] attribute"));
        Assert.That(valid, Is.Not.InstanceOf<MigrationValidationException>(), "valid migrations leave the database's own error");
        Assert.That(valid!.Message, Does.Contain("missing-folder"));
    }

    [Test]
    public async Task Planning_refusals_of_all_pending_migrations_come_before_any_of_them_runs()
    {
        await Db.Runner(typeof(People), typeof(Pets)).MigrateAsync();
        var catalog = Db.Catalog(includeHistory: true);

        var error = Assert.ThrowsAsync<MigrationValidationException>(() => Db.Runner(typeof(People), typeof(Pets), typeof(RenamePets), typeof(DropPeople)).MigrateAsync());

        Assert.That(error!.Problems, Has.Count.EqualTo(1));
        Assert.That(error.Problems[0], Does.Contain("DropPeople").And.Contain("main.animals references main.people (fk_pets_owner_id): drop that foreign key or table first"), "the plan sees the rename before it");
        Assert.That(Db.Catalog(includeHistory: true), Is.EqualTo(catalog), "RenamePets, which comes first and is fine, did not run either");
    }

    [Test]
    public async Task Status_reports_applied_pending_unknown_and_changed_migrations()
    {
        await Db.Runner(typeof(People)).MigrateAsync();
        Db.Execute("INSERT INTO __migrations_history VALUES (5, 'from elsewhere', now(), 1, 'x')");
        Db.Execute("UPDATE __migrations_history SET checksum = 'edited' WHERE version = 10");

        var status = await Db.Runner(typeof(People), typeof(PeopleEmail)).GetStatusAsync();

        Assert.That(status.Applied.Select(a => a.Version), Is.EqualTo(new[] { 10L }));
        Assert.That(status.Pending.Select(p => p.Version), Is.EqualTo(new[] { 20L }));
        Assert.That(status.Unknown.Select(u => u.Version), Is.EqualTo(new[] { 5L }));
        Assert.That(status.Changed.Select(c => c.Version), Is.EqualTo(new[] { 10L }));
        Assert.That(status.CurrentVersion, Is.EqualTo(10L));
    }

    [Test]
    public async Task Script_shows_the_exact_statements_and_changes_nothing()
    {
        var runner = Db.Runner(typeof(People), typeof(PeopleEmail));
        var script = await runner.ScriptAsync();

        Assert.That(Db.Rows("SELECT table_name FROM duckdb_tables()"), Is.Empty);
        Assert.That(script, Does.Contain("CREATE TABLE IF NOT EXISTS \"main\".\"__migrations_history\""));
        Assert.That(script, Does.Contain("CREATE SEQUENCE \"main\".\"people_id_seq\" START WITH 1 INCREMENT BY 1;"));
        Assert.That(script, Does.Contain("ALTER TABLE \"main\".\"people\" ADD COLUMN \"email\" VARCHAR DEFAULT 'unknown@example.com';"));
        Assert.That(script, Does.Contain("ALTER TABLE \"main\".\"people\" ALTER COLUMN \"email\" SET NOT NULL;"));
        Assert.That(script, Does.Contain("-- 20 People get an email (Up)"));

        // Running the script's statements by hand gives the same schema as migrating.
        using (var connection = Db.Open())
        using (var command = connection.CreateCommand())
        {
            // Statements with parameters (history and constraint-name rows) need values, which the script lists beside them.
            command.CommandText = string.Join("\n", script.Split('\n').Where(l => !l.Contains("-- $1 =", StringComparison.Ordinal)));
            command.ExecuteNonQuery();
        }

        var scripted = Db.Catalog();
        using var other = new DuckDbTestDatabase();
        await other.Runner(typeof(People), typeof(PeopleEmail)).MigrateAsync();
        Assert.That(other.Catalog(), Is.EqualTo(scripted));
    }

    [Test]
    public async Task Migrated_schema_and_rows_survive_closing_and_reopening_the_file()
    {
        string catalog;
        string rows;
        using (var live = Db.Open())
        {
            // While this connection is open every read goes to the same live database instance.
            await Db.Runner(typeof(People), typeof(PeopleEmail)).MigrateAsync();
            Db.Execute("INSERT INTO people (name, email) VALUES ('Ann', 'ann@example.com')");
            catalog = Db.Catalog(includeHistory: true);
            rows = Db.RowChecksum("people");
        }

        // The last connection is closed, so the instance is gone: these reads open the file anew.
        Assert.That(Db.Catalog(includeHistory: true), Is.EqualTo(catalog));
        Assert.That(Db.RowChecksum("people"), Is.EqualTo(rows));
        Assert.That(Db.Rows("SELECT id, name, email FROM people").Single(), Is.EqualTo(new object[] { 1L, "Ann", "ann@example.com" }));
        Assert.That((await Db.Runner(typeof(People), typeof(PeopleEmail)).MigrateAsync()).NothingToDo, Is.True);
    }

    [Test]
    public async Task Runners_started_together_in_one_process_apply_each_migration_once()
    {
        var runs = Enumerable.Range(0, 6).Select(_ => Task.Run(() => Db.Runner(typeof(People), typeof(PeopleEmail), typeof(Pets)).MigrateAsync())).ToArray();
        var results = await Task.WhenAll(runs);

        Assert.That(results.Sum(r => r.Applied.Count), Is.EqualTo(3));
        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 10L, 20L, 30L }));
    }

    [Test]
    public async Task A_connection_passed_in_is_used_and_left_open()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var runner = new MigrationRunner(new DuckDbDialect(connection), new MigrationRunnerOptions().Add(typeof(People)));
        await runner.MigrateAsync();

        Assert.That(connection.State, Is.EqualTo(System.Data.ConnectionState.Open));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM people";
        Assert.That(command.ExecuteScalar(), Is.EqualTo(0L));
    }

    [Test]
    public async Task History_table_name_and_schema_are_configurable()
    {
        var options = new MigrationRunnerOptions().Add(typeof(People));
        options.History.TableName = "schema_versions";
        options.History.Schema = "meta";
        await new MigrationRunner(new DuckDbDialect(Db.ConnectionString), options).MigrateAsync();

        Assert.That(Db.Rows("SELECT version FROM meta.schema_versions").Single(), Is.EqualTo(new object[] { 10L }));
    }

    [Migration(10, "People")]
    internal sealed class People : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("people", t => t
            .Column("id", c => c.Int64().Identity().PrimaryKey())
            .Column("name", c => c.String().NotNull()));
    }

    [Migration(20, "People get an email")]
    internal sealed class PeopleEmail : Migration
    {
        public override void Up(MigrationBuilder m) => m.AddColumn("people", "email", c => c.String(255).NotNull().Default("unknown@example.com"));

        public override void Down(MigrationBuilder m) => m.DropColumn("people", "email");
    }

    [Migration(30, "Pets")]
    internal sealed class Pets : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("pets", t => t
            .Column("id", c => c.Int64().Identity().PrimaryKey())
            .Column("owner_id", c => c.Int64().References("people", "id")));
    }

    [Migration(40, "Rename pets")]
    internal sealed class RenamePets : Migration
    {
        public override void Up(MigrationBuilder m) => m.RenameTable("pets", "animals");
    }

    [Migration(50, "Drop people")]
    internal sealed class DropPeople : Migration
    {
        public override void Up(MigrationBuilder m) => m.DropTable("people");
    }

    [Migration(30, "Fails on a missing table")]
    internal sealed class FailsOnMissingTable : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateTable("notes", t => t.Column("text", c => c.Text()))
            .AddColumn("people", "age", c => c.Int32())
            .Sql("INSERT INTO nowhere VALUES (1)")
            .CreateTable("never", t => t.Column("x", c => c.Int32()));
    }

    [Migration(30, "Fails on a constraint")]
    internal sealed class FailsOnConstraint : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateTable("notes", t => t.Column("text", c => c.Text()))
            .InsertData("people", ["name"], ["Carol"])
            .InsertData("people", ["id", "name"], [1L, "duplicate id"]);
    }

    [Migration(30, "Fails at commit")]
    internal sealed class FailsAtCommit : Migration
    {
        // DuckDB runs both statements, then refuses the COMMIT. (Written as raw SQL: the planner
        // would rebuild the table instead of altering it after an update.)
        public override void Up(MigrationBuilder m) => m
            .Sql("UPDATE people SET name = 'Ann B.' WHERE name = 'Ann'")
            .Sql("ALTER TABLE people ADD COLUMN age INTEGER");
    }

    [Migration(10, "Same version as People")]
    internal sealed class SameVersionAsPeople : Migration
    {
        public override void Up(MigrationBuilder m) => m.Sql("SELECT 1");
    }

    internal sealed class NoAttribute : Migration
    {
        public override void Up(MigrationBuilder m) => m.Sql("SELECT 1");
    }

    [Migration(60, "Abstract")]
    internal abstract class AbstractMigration : Migration
    {
    }

    [Migration(61, "Generic")]
    internal sealed class GenericMigration<T> : Migration
    {
        public override void Up(MigrationBuilder m) => m.Sql(typeof(T).Name);
    }

    [Migration(0, "Zero")]
    internal sealed class ZeroVersion : Migration
    {
        public override void Up(MigrationBuilder m) => m.Sql("SELECT 1");
    }

    [Migration(-5, "Negative")]
    internal sealed class NegativeVersion : Migration
    {
        public override void Up(MigrationBuilder m) => m.Sql("SELECT 1");
    }

    [Migration(70, "Empty")]
    internal sealed class EmptyUp : Migration
    {
        public override void Up(MigrationBuilder m)
        {
        }
    }

    [Migration(80, "Unknown type")]
    internal sealed class UnknownType : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("shapes", t => t.Column("g", c => c.Type(Operations.ColumnType.Custom("geometry"))));
    }

    [Migration(90, "Cascading foreign key")]
    internal sealed class CascadingForeignKey : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("children", t => t
            .Column("parent_id", c => c.Int64())
            .ForeignKey(["parent_id"], "parents", ["id"], onDelete: Operations.ReferentialAction.Cascade));
    }

    [Migration(100, "Drops a constraint that does not exist")]
    internal sealed class DropsUnknownConstraint : Migration
    {
        public override void Up(MigrationBuilder m) => m.DropConstraint("people", "nope");
    }
}
