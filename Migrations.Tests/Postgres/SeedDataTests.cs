using Migrations.Building;
using Migrations.Running;

namespace Migrations.Tests.Postgres;

/// <summary>Seed data through COPY, inside the migration's transaction.</summary>
public class SeedDataTests : PostgresTests
{
    [Test]
    public async Task Rows_of_every_kind_survive_the_copy_protocol_and_identities_continue()
    {
        await Runner(typeof(Catalogue), typeof(LoadCatalogue)).MigrateAsync();

        Assert.That(Scalar("SELECT count(*) FROM products"), Is.EqualTo(500L));
        Assert.That(Rows("SELECT id, name, price, kind::text, tagged, added_at, picture FROM products WHERE id IN (1, 2) ORDER BY id"), Is.EqualTo(new[]
        {
            new object?[] { 1L, "tab\there, new\nline, back\\slash, quote'\" and ünïcödé", 12.34m, "book", true, new DateTime(2021, 10, 3, 7, 0, 0, DateTimeKind.Utc), new byte[] { 0, 1, 255 } },
            new object?[] { 2L, null, 0.5m, "toy", false, new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc), null },
        }));
        Execute("INSERT INTO products (name, price, kind) VALUES ('next', 1, 'book')");
        Assert.That(Scalar("SELECT max(id) FROM products"), Is.EqualTo(501L), "the identity continues after the loaded ids");
    }

    [Test]
    public async Task Numbers_dates_times_and_ids_survive_the_copy_protocol_as_written()
    {
        await Runner(typeof(Measurements)).MigrateAsync();

        Assert.That(Scalar("SELECT count(*) FROM measurements"), Is.EqualTo(60L), "enough rows to go through COPY");
        Assert.That(Rows("SELECT small::text, whole::text, big::text, ratio::text, exact::text, id::text, day::text, at_time::text, local_stamp::text, stamp_utc::text FROM measurements WHERE whole = -7"), Is.EqualTo(new[]
        {
            new object?[]
            {
                "-3", "-7", "-9000000000", "0.1", "-12.50", "0f8fad5b-d9cb-469f-a165-70867728950e", "2024-02-29", "23:59:58.123456",
                "2021-10-03 07:00:00.5", "2021-10-03 04:00:00+00",
            },
        }));
    }

    [Migration(1, "Measurements")]
    internal sealed class Measurements : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateTable("measurements", t => t
                .Column("small", c => c.Int16())
                .Column("whole", c => c.Int32())
                .Column("big", c => c.Int64())
                .Column("ratio", c => c.Float64())
                .Column("exact", c => c.Decimal(10, 2))
                .Column("id", c => c.Guid())
                .Column("day", c => c.Date())
                .Column("at_time", c => c.Time())
                .Column("local_stamp", c => c.Timestamp())
                .Column("stamp_utc", c => c.TimestampTz()))
            .InsertData("measurements", ["small", "whole", "big", "ratio", "exact", "id", "day", "at_time", "local_stamp", "stamp_utc"],
                Enumerable.Range(0, 60).Select(i => i == 0
                    ? new object?[]
                    {
                        (short)-3, -7, -9_000_000_000L, 0.1, -12.5m, new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), new DateOnly(2024, 2, 29), new TimeOnly(23, 59, 58).Add(TimeSpan.FromTicks(1_234_560)),
                        new DateTime(2021, 10, 3, 7, 0, 0, 500, DateTimeKind.Unspecified), new DateTimeOffset(2021, 10, 3, 7, 0, 0, TimeSpan.FromHours(3)),
                    }
                    : new object?[] { (short)i, i, (long)i, i / 2.0, (decimal)i, Guid.Empty, null, null, null, null }).ToArray());
    }

    [Test]
    public async Task A_long_load_logs_how_far_it_has_got()
    {
        var interval = MigrationExecutor.ProgressInterval;
        MigrationExecutor.ProgressInterval = TimeSpan.Zero;
        try
        {
            var log = new Support.ListLogger<MigrationRunner>();
            await using var dialect = new Migrations.Postgres.PostgresDialect(ConnectionString);
            await new MigrationRunner(dialect, new MigrationRunnerOptions().Add(typeof(Catalogue), typeof(LoadMany)), log).MigrateAsync();

            var progress = log.Lines.Where(l => l.Event.Id == 15).Select(l => l.Message).ToList();
            Assert.That(progress, Is.Not.Empty);
            Assert.That(progress[0], Does.StartWith("2: load 20000 rows into products: ").And.EndWith("rows so far"));
            Assert.That(log.Lines.Single(l => l.Event.Id == 14).Message, Is.EqualTo("2: load 20000 rows into products: 20000 rows"));
        }
        finally
        {
            MigrationExecutor.ProgressInterval = interval;
        }
    }

    [Migration(2, "Load many")]
    internal sealed class LoadMany : Migration
    {
        public override void Up(MigrationBuilder m) =>
            m.InsertData("products", ["name", "price", "kind"], Enumerable.Range(1, 20_000).Select(i => new object?[] { $"product number {i}", 1m, "book" }).ToArray());
    }

    [Test]
    public async Task A_load_is_rolled_back_with_its_migration()
    {
        await Runner(typeof(Catalogue)).MigrateAsync();

        Assert.ThrowsAsync<MigrationException>(() => Runner(typeof(Catalogue), typeof(LoadThenFail)).MigrateAsync());

        Assert.That(Scalar("SELECT count(*) FROM products"), Is.EqualTo(0L));
    }

    [Test]
    public async Task Rows_load_from_a_csv_file()
    {
        await Runner(typeof(Catalogue), typeof(LoadCsv)).MigrateAsync();

        Assert.That(Rows("SELECT name, price, kind::text, tagged FROM products ORDER BY id"), Is.EqualTo(new[]
        {
            new object?[] { "Alice, in \"Wonderland\"", 12.50m, "book", true },
            new object?[] { "Lego", 99m, "toy", null },
        }));
    }

    [Migration(2, "Load a CSV file")]
    internal sealed class LoadCsv : Migration
    {
        public override void Up(MigrationBuilder m) => m.InsertDataFromCsv("products", "data/products.csv");
    }

    [Migration(1, "Catalogue")]
    internal sealed class Catalogue : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.CreateEnum("kind", "book", "toy");
            m.CreateTable("products", t => t
                .Column("id", c => c.Int64().Identity().PrimaryKey())
                .Column("name", c => c.Text())
                .Column("price", c => c.Decimal(10, 2).NotNull())
                .Column("kind", c => c.Enum("kind").NotNull())
                .Column("tagged", c => c.Boolean())
                .Column("added_at", c => c.TimestampTz())
                .Column("picture", c => c.Binary()));
        }
    }

    [Migration(2, "Load the catalogue")]
    internal sealed class LoadCatalogue : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            var rows = new List<object?[]>
            {
                new object?[] { 1L, "tab\there, new\nline, back\\slash, quote'\" and ünïcödé", 12.34m, "book", true, "2021-10-03 01:00:00-06", new byte[] { 0, 1, 255 } },
                new object?[] { 2L, null, 0.5m, "toy", false, new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc), null },
            };
            rows.AddRange(Enumerable.Range(3, 498).Select(i => new object?[] { (long)i, $"product {i}", i / 100m, "toy", null, null, null }));
            m.InsertData("products", ["id", "name", "price", "kind", "tagged", "added_at", "picture"], rows.ToArray());
        }
    }

    [Migration(2, "Load, then fail")]
    internal sealed class LoadThenFail : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .InsertData("products", ["name", "price", "kind"], Enumerable.Range(1, 100).Select(i => new object?[] { $"p{i}", 1m, "book" }).ToArray())
            .Sql("SELECT 1 / 0");
    }
}
