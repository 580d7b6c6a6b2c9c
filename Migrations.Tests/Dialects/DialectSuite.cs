using System.Data.Common;
using Migrations.Building;
using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Running;
using Migrations.Tests.Support;

namespace Migrations.Tests.Dialects;

/// <summary>
/// The behaviour every dialect must show, written once. Each dialect's fixture supplies a fresh
/// database, a connection to read it with, and its own type names; state is read back through
/// information_schema and plain SQL that both databases understand.
/// </summary>
public abstract partial class DialectSuite
{
    protected abstract Task<IMigrationDialect> CreateDialectAsync();

    protected abstract DbConnection OpenConnection();

    /// <summary>How information_schema.columns spells a portable type on this database.</summary>
    protected abstract string TypeName(ColumnType type);

    protected abstract string DefaultSchema { get; }

    [Test]
    public async Task Tables_keys_and_data_round_trip()
    {
        await MigrateAsync(typeof(Library));

        Assert.That(Columns("books"), Is.EqualTo(new[]
        {
            $"id {TypeName(ColumnType.Int64)} NO",
            $"title {TypeName(ColumnType.String(200))} NO",
            $"price {TypeName(ColumnType.Decimal(8, 2))} YES",
            $"author_id {TypeName(ColumnType.Int64)} NO",
            $"published {TypeName(ColumnType.Boolean)} NO",
        }));
        Assert.That(Rows("SELECT b.title, a.name, b.price, b.published FROM books b JOIN authors a ON a.id = b.author_id ORDER BY b.id"), Is.EqualTo(new[]
        {
            new object?[] { "Dune", "Frank 'O' Herbert", 9.99m, true },
            new object?[] { "Emma", "Jane Austen", null, false },
        }));
        Assert.Catch<DbException>(() => Execute("INSERT INTO books (title, author_id) VALUES ('Orphan', 99)"), "foreign key");
        Assert.Catch<DbException>(() => Execute("INSERT INTO authors (name) VALUES ('Jane Austen')"), "unique");
        Assert.Catch<DbException>(() => Execute("INSERT INTO books (title, author_id, price) VALUES ('Free', 1, -1)"), "check");
        Execute("INSERT INTO authors (name) VALUES ('Ursula K. Le Guin')");
        Assert.That(Long(Scalar("SELECT max(id) FROM authors")), Is.GreaterThan(2L), "identity continues after seeded rows (a failed insert may have used a value)");
    }

    [Test]
    public async Task Columns_change_and_constraints_drop_by_the_names_given()
    {
        await MigrateAsync(typeof(Library), typeof(Reshelve));

        Assert.That(Columns("volumes"), Is.EqualTo(new[]
        {
            $"id {TypeName(ColumnType.Int64)} NO",
            $"name {TypeName(ColumnType.String(200))} NO",
            $"price {TypeName(ColumnType.Decimal(8, 2))} YES",
            $"author_id {TypeName(ColumnType.Int64)} NO",
            $"published {TypeName(ColumnType.Boolean)} NO",
            $"pages {TypeName(ColumnType.Int64)} NO",
        }));
        Assert.That(Rows("SELECT name, pages FROM volumes ORDER BY id"), Is.EqualTo(new[] { new object?[] { "Dune", 100L }, new object?[] { "Emma", 100L } }));
        Execute("INSERT INTO volumes (name, author_id, price, pages) VALUES ('Free', 1, -1, 1)"); // the check was dropped by its name
    }

    [TestCase(-1L)]
    [TestCase(999L)]
    public async Task A_target_no_migration_has_is_refused_before_anything_runs(long target)
    {
        var dialect = await CreateDialectAsync();
        var runner = new MigrationRunner(dialect, new MigrationRunnerOptions().Add(typeof(Library), typeof(Reshelve)));
        await runner.MigrateToAsync(Library.Version);

        var error = Assert.ThrowsAsync<MigrationValidationException>(() => runner.MigrateToAsync(target));
        Assert.ThrowsAsync<MigrationValidationException>(() => runner.ScriptAsync(target));

        Assert.That(error!.Message, Does.Contain($"Cannot migrate to version {target}: no known migration has it").And.Contain("Use 0 to revert"));
        Assert.That(Rows("SELECT version FROM __migrations_history ORDER BY version").Select(r => Long(r[0])), Is.EqualTo(new[] { Library.Version }));
        Assert.That(Long(Scalar("SELECT count(*) FROM books")), Is.EqualTo(2L), "nothing was reverted");
        await DisposeAsync(dialect);
    }

    [TestCaseSource(typeof(BadInputMigrations), nameof(BadInputMigrations.Cases))]
    public async Task Bad_input_is_refused_before_any_sql_with_the_migration_and_what_to_do(Type migration, string[] expected)
    {
        await MigrateAsync(typeof(Library));
        var dialect = await CreateDialectAsync();
        var runner = new MigrationRunner(dialect, new MigrationRunnerOptions().Add(typeof(Library), migration));

        var error = Assert.ThrowsAsync<MigrationValidationException>(() => runner.MigrateAsync());
        await DisposeAsync(dialect);

        var info = (MigrationAttribute)Attribute.GetCustomAttribute(migration, typeof(MigrationAttribute))!;
        Assert.That(error!.Message, Does.Contain($"Migration {info.Version} {migration.Name}"));
        foreach (var text in expected)
        {
            Assert.That(error.Message, Does.Contain(text));
        }

        Assert.That(Rows("SELECT version FROM __migrations_history").Select(r => Long(r[0])), Is.EqualTo(new[] { Library.Version }), "nothing ran");
        Assert.That(Long(Scalar($"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{DefaultSchema}' AND table_name LIKE 't%'")), Is.EqualTo(0L));
    }

    [Test]
    public async Task A_password_in_a_failing_statement_is_masked_in_the_error_and_the_log()
    {
        var dialect = await CreateDialectAsync();
        var log = new ListLogger<MigrationRunner>();
        var runner = new MigrationRunner(dialect, new MigrationRunnerOptions().Add(typeof(Library), typeof(RoleWithPassword)), log);

        var error = Assert.ThrowsAsync<MigrationException>(() => runner.MigrateAsync());
        await DisposeAsync(dialect);

        Assert.That(error!.Message, Does.Contain("PASSWORD '***'").And.Not.Contain("hunter2"));
        Assert.That(error.Sql, Does.Not.Contain("hunter2"));
        Assert.That(string.Join("\n", log.Lines.Select(l => l.Message)), Does.Contain("PASSWORD '***'").And.Not.Contain("hunter2"));
    }

    [Test]
    public async Task The_script_runs_as_it_is_and_leaves_the_database_the_runner_would()
    {
        var dialect = await CreateDialectAsync();
        var runner = new MigrationRunner(dialect, new MigrationRunnerOptions().Add(typeof(Library), typeof(ManyReaders)));
        var script = await runner.ScriptAsync();

        Assert.That(script, Does.Not.Contain("$1"));
        Execute(script);

        var status = await runner.GetStatusAsync();
        await DisposeAsync(dialect);
        Assert.That(status.Pending, Is.Empty, "the history rows the script wrote are the runner's");
        Assert.That(status.Changed, Is.Empty, "with the same checksums");
        Assert.That(Rows("SELECT title, price FROM books ORDER BY id"), Is.EqualTo(new[] { new object?[] { "Dune", 9.99m }, new object?[] { "Emma", null } }));
        Assert.That(Rows("SELECT count(*), min(name), max(card) FROM readers").Single().Select(v => v?.ToString()), Is.EqualTo(new[] { "60", "reader '1'", "60" }));
    }

    [Test]
    public async Task A_backfill_expression_over_other_columns_fills_each_row()
    {
        await MigrateAsync(typeof(Library), typeof(Slugs));

        Assert.That(Rows("SELECT slug FROM books ORDER BY id").Select(r => r[0]), Is.EqualTo(new[] { "dune-1", "emma-2" }));
        Assert.Catch<DbException>(() => Execute("UPDATE books SET slug = NULL"), "NOT NULL");
    }

    [Test]
    public async Task A_damaged_history_table_stops_the_run_with_what_to_do()
    {
        await MigrateAsync(typeof(Library));
        Execute("ALTER TABLE __migrations_history RENAME COLUMN checksum TO sum");

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => MigrateAsync(typeof(Library), typeof(Reshelve)));

        Assert.That(error!.Message, Does.Contain("history table exists but cannot be read").And.Contain("Restore it from a backup"));
        Assert.That(Long(Scalar("SELECT count(*) FROM books")), Is.EqualTo(2L));
        Assert.That(Columns("books").Select(c => c.Split(' ')[0]), Does.Contain("title"), "Reshelve did not run");
    }

    [Test]
    public async Task Only_a_missing_history_table_or_schema_is_taken_for_a_first_run()
    {
        // A first run skips the catalog question when the failed read says the table is missing;
        // a table that is there but cannot be read must still be asked about (and refused).
        var dialect = await CreateDialectAsync();
        bool SaysMissing(string? schema)
        {
            var history = (HistoryTableSql)dialect.History(new HistoryTableOptions { Schema = schema });
            var error = Assert.Catch<DbException>(() => Execute(history.SelectVersions().Sql), schema ?? "default schema");
            return history.SaysMissing(error!);
        }

        Assert.That(SaysMissing(null), Is.True, "no history table");
        Assert.That(SaysMissing("no_such_schema"), Is.True, "no schema of that name");

        Execute("CREATE TABLE __migrations_history (version BIGINT, description TEXT)");
        Assert.That(SaysMissing(null), Is.False, "a table without the checksum column is there");
        await DisposeAsync(dialect);
    }

    [Test]
    public async Task A_first_run_makes_the_history_tables_schema_when_missing_and_uses_one_that_exists()
    {
        // A first run finds no history either way (PostgreSQL reports a table in a missing schema as
        // a missing table); it makes the schema only when there is none, and uses one that exists.
        var missing = new MigrationRunnerOptions();
        missing.History.Schema = "made_for_history";
        await MigrateAsync(missing, typeof(Library));

        Execute("CREATE SCHEMA kept_for_history");
        var existing = new MigrationRunnerOptions();
        existing.History.Schema = "kept_for_history";
        existing.History.TableName = "versions";
        await MigrateAsync(existing, typeof(Notes));

        Assert.That(Rows("SELECT version FROM made_for_history.__migrations_history").Select(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(new[] { Library.Version }));
        Assert.That(Rows("SELECT version FROM kept_for_history.versions").Select(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(new[] { Notes.Version }));
        Assert.That(Long(Scalar("SELECT count(*) FROM notes")), Is.EqualTo(0L), "the second history's migration ran");
    }

    [Migration(Version, "Notes")]
    internal sealed class Notes : Migration
    {
        public const long Version = 7;

        public override void Up(MigrationBuilder m) => m.CreateTable("notes", t => t.Column("id", c => c.Int64()));
    }

    [Test]
    public async Task Down_to_zero_leaves_no_table()
    {
        var dialect = await CreateDialectAsync();
        var runner = new MigrationRunner(dialect, new MigrationRunnerOptions().Add(typeof(Library), typeof(Reshelve)));
        await runner.MigrateAsync();
        await runner.MigrateToAsync(0);

        Assert.That(Rows($"SELECT table_name FROM information_schema.tables WHERE table_schema = '{DefaultSchema}' AND table_name NOT LIKE '\\_\\_migrations%' ESCAPE '\\'"), Is.Empty);
        await DisposeAsync(dialect);
    }

    [Test]
    public async Task A_failing_migration_changes_nothing()
    {
        await MigrateAsync(typeof(Library));
        var before = string.Join("|", Columns("books"));

        Assert.ThrowsAsync<MigrationException>(() => MigrateAsync(typeof(Library), typeof(FailsHalfWay)));

        Assert.That(string.Join("|", Columns("books")), Is.EqualTo(before));
        Assert.That(Long(Scalar("SELECT count(*) FROM books")), Is.EqualTo(2L));
        Assert.That(Long(Scalar("SELECT count(*) FROM __migrations_history")), Is.EqualTo(1L));
    }

    [Test]
    public async Task Enum_values_are_added_and_renamed_with_rows_following()
    {
        await MigrateAsync(typeof(Library), typeof(Genres));

        Assert.That(Rows("SELECT title, CAST(genre AS VARCHAR) FROM books ORDER BY id"), Is.EqualTo(new[] { new object?[] { "Dune", "science fiction" }, new object?[] { "Emma", "classic" } }));
        Execute("UPDATE books SET genre = 'poetry' WHERE title = 'Emma'");
        Assert.Catch<DbException>(() => Execute("UPDATE books SET genre = 'scifi' WHERE title = 'Dune'"), "the old value is gone");
    }

    private protected Task MigrateAsync(params Type[] migrations) => MigrateAsync(new MigrationRunnerOptions(), migrations);

    private protected async Task MigrateAsync(MigrationRunnerOptions options, params Type[] migrations)
    {
        var dialect = await CreateDialectAsync();
        try
        {
            await new MigrationRunner(dialect, options.Add(migrations)).MigrateAsync();
        }
        finally
        {
            await DisposeAsync(dialect);
        }
    }

    private static ValueTask DisposeAsync(IMigrationDialect dialect) => dialect is IAsyncDisposable d ? d.DisposeAsync() : ValueTask.CompletedTask;

    private List<string> Columns(string table) =>
        Rows($"SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = '{DefaultSchema}' AND table_name = '{table}' ORDER BY ordinal_position")
            .Select(r => $"{r[0]} {r[1]} {r[2]}").ToList();

    private static long Long(object? value) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);

    private void Execute(string sql)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private protected object? Scalar(string sql)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private protected List<object?[]> Rows(string sql)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return DbRows.Read(command);
    }

    [Migration(Version, "Library")]
    internal sealed class Library : Migration
    {
        public const long Version = 1;

        public override void Up(MigrationBuilder m) => Record(m, pricePrecision: 8);

        /// <summary>The operations, with the price's precision as a parameter, so that a test can edit them.</summary>
        internal static void Record(MigrationBuilder m, int pricePrecision)
        {
            m.CreateTable("authors", t => t
                .Column("id", c => c.Int64().Identity().PrimaryKey())
                .Column("name", c => c.String(100).NotNull().Unique()));
            m.CreateTable("books", t => t
                .Column("id", c => c.Int64().Identity().PrimaryKey())
                .Column("title", c => c.String(200).NotNull())
                .Column("price", c => c.Decimal(pricePrecision, 2))
                .Column("author_id", c => c.Int64().NotNull().References("authors", "id"))
                .Column("published", c => c.Boolean().NotNull().Default(false))
                .Check("ck_books_price", "price >= 0"));
            m.InsertData("authors", ["name"], ["Frank 'O' Herbert"], ["Jane Austen"]);
            m.InsertData("books", ["title", "price", "author_id", "published"], ["Dune", 9.99m, 1L, true], ["Emma", null, 2L, false]);
        }

        public override void Down(MigrationBuilder m) => m.DropTable("books").DropTable("authors");
    }

    [Migration(2, "Slugs")]
    internal sealed class Slugs : Migration
    {
        public override void Up(MigrationBuilder m) =>
            m.AddColumn("books", "slug", c => c.String(100).NotNull().BackfillSql("lower(title) || '-' || CAST(id AS VARCHAR)"));
    }

    [Migration(2, "Many readers")]
    internal sealed class ManyReaders : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateTable("readers", t => t.Column("name", c => c.String().NotNull()).Column("card", c => c.Int64()))
            .InsertData("readers", ["name", "card"], Enumerable.Range(1, 60).Select(i => new object?[] { $"reader '{i}'", (long)i }).ToArray());
    }

    [Migration(2, "Role with a password")]
    internal sealed class RoleWithPassword : Migration
    {
        public override void Up(MigrationBuilder m) => m.Sql("CREATE ROLE app_user WITH PASSWORD 'hunter2' NO_SUCH_OPTION");

        public override void Down(MigrationBuilder m) => m.Sql("DROP ROLE app_user");
    }

    [Migration(2, "Reshelve")]
    internal sealed class Reshelve : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .RenameTable("books", "volumes")
            .RenameColumn("volumes", "title", "name")
            .AddColumn("volumes", "pages", c => c.Int32().NotNull().Default(100))
            .AlterColumn("volumes", "pages", a => a.Type(ColumnType.Int64))
            .DropConstraint("volumes", "ck_books_price");

        public override void Down(MigrationBuilder m) => m
            .AddCheckConstraint("volumes", "ck_books_price", "price >= 0")
            .DropColumn("volumes", "pages")
            .RenameColumn("volumes", "name", "title")
            .RenameTable("volumes", "books");
    }

    [Migration(2, "Fails half way")]
    internal sealed class FailsHalfWay : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .AddColumn("books", "isbn", c => c.String(20))
            .InsertData("books", ["title", "author_id"], ["Another", 1L])
            .Sql("SELECT * FROM no_such_table");
    }

    [Migration(2, "Genres")]
    internal sealed class Genres : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateEnum("genre", "scifi", "classic")
            .AddColumn("books", "genre", c => c.Enum("genre"))
            .UpdateData("books", new { genre = "scifi" }, new { title = "Dune" })
            .UpdateData("books", new { genre = "classic" }, new { title = "Emma" })
            .AddEnumValue("genre", "poetry")
            .RenameEnumValue("genre", "scifi", "science fiction");
    }
}
