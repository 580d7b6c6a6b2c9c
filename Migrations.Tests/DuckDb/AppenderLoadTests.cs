using System.Globalization;
using Migrations.Building;
using Migrations.Running;
using Migrations.Tests.Support;

namespace Migrations.Tests.DuckDb;

/// <summary>Seed data through DuckDB.NET's appender: the same rows as INSERTs would store, inside the migration's transaction.</summary>
public class AppenderLoadTests : DuckDbFileTests
{
    private const int Many = 3000;

    [Test]
    public async Task Appended_rows_equal_the_rows_insert_statements_store()
    {
        var runner = Db.Runner(typeof(TwoTypedTables), typeof(SeedBothWays));
        Assert.That(await runner.ScriptAsync(), Does.Contain($"-- load {Many} rows into appended"), "planned as an appender load");
        await runner.MigrateAsync();

        var appended = Db.Rows("SELECT CAST(COLUMNS(* EXCLUDE (id)) AS VARCHAR) FROM appended ORDER BY id LIMIT 40");
        var inserted = Db.Rows("SELECT CAST(COLUMNS(* EXCLUDE (id)) AS VARCHAR) FROM inserted ORDER BY id");
        Assert.That(Db.Count("appended"), Is.EqualTo(Many));
        Assert.That(appended, Is.EqualTo(inserted));
        Assert.That(Db.Scalar("SELECT max(id) FROM appended"), Is.EqualTo((long)Many), "every row in order");
    }

    [Test]
    public async Task Rows_that_leave_columns_to_their_defaults_get_identities_and_defaults_in_order()
    {
        await Db.Runner(typeof(TwoTypedTables), typeof(SeedSomeColumns)).MigrateAsync();

        Assert.That(Db.Rows("SELECT min(id), max(id), count(DISTINCT id), count(*) FILTER (WHERE qty = 7) FROM appended").Single(),
            Is.EqualTo(new object[] { 1L, (long)Many, (long)Many, (long)Many }));
        Assert.That(Db.Scalar("SELECT name FROM appended WHERE id = 10"), Is.EqualTo("row 9"));
    }

    [Test]
    public async Task Text_values_are_cast_by_duckdb_as_an_insert_would()
    {
        await Db.Runner(typeof(TwoTypedTables), typeof(SeedFromText)).MigrateAsync();

        Assert.That(Db.Rows("SELECT qty, price, born, flag FROM appended WHERE name = 'row 5'").Single(),
            Is.EqualTo(new object[] { 5, 5.25m, new DateOnly(2024, 1, 6), true }));
        Assert.That(Db.Count("appended"), Is.EqualTo(Many));
    }

    [Test]
    public async Task A_failure_later_in_the_migration_leaves_none_of_the_appended_rows()
    {
        var error = Assert.ThrowsAsync<MigrationException>(() => Db.Runner(typeof(TwoTypedTables), typeof(SeedThenFail)).MigrateAsync());

        Assert.That(error!.Message, Does.Contain("Seed then fail"));
        Assert.That(Db.Count("appended"), Is.EqualTo(0));
        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 1L }));
    }

    [Test]
    public void A_value_duckdb_cannot_convert_fails_the_migration_with_duckdb_s_reason()
    {
        var error = Assert.ThrowsAsync<MigrationException>(() => Db.Runner(typeof(TwoTypedTables), typeof(SeedBadNumber)).MigrateAsync());

        Assert.That(error!.Message, Does.Contain("Seed a bad number").And.Contain("lots"));
        Assert.That(Db.Count("appended"), Is.EqualTo(0));
    }

    internal static object?[] Values(int i) =>
    [
        $"row {i} 'quoted' ünïcode",
        i % 7 == 0 ? null : i,
        i % 3 == 0 ? 12.5m : i + 0.25m,
        i / 3.0,
        new DateOnly(2024, 1, 1).AddDays(i),
        new DateTime(2024, 5, 6, 7, 8, 9).AddSeconds(i),
        (i % 4) switch
        {
            0 => new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)).AddMinutes(i),
            1 => new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddMinutes(i),
            2 => new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Local).AddMinutes(i),
            _ => new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Unspecified).AddMinutes(i),
        },
        i % 2 == 0,
        new Guid(i, 0, 0, new byte[8]),
        (long)i * 1_000_000_007L,
    ];

    [Migration(1, "Two typed tables")]
    internal sealed class TwoTypedTables : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            foreach (var name in new[] { "appended", "inserted" })
            {
                m.CreateTable(name, t => t
                    .Column("id", c => c.Int64().Identity().PrimaryKey())
                    .Column("name", c => c.String().NotNull())
                    .Column("qty", c => c.Int32().Default(7))
                    .Column("price", c => c.Decimal(10, 2))
                    .Column("ratio", c => c.Float64())
                    .Column("born", c => c.Date())
                    .Column("seen", c => c.Timestamp())
                    .Column("seen_at", c => c.TimestampTz())
                    .Column("flag", c => c.Boolean())
                    .Column("tag", c => c.Guid())
                    .Column("big", c => c.Int64()));
            }
        }
    }

    private static readonly string[] AllButId = ["name", "qty", "price", "ratio", "born", "seen", "seen_at", "flag", "tag", "big"];

    [Migration(2, "Seed both ways")]
    internal sealed class SeedBothWays : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .InsertData("appended", ["id", .. AllButId], Enumerable.Range(1, Many).Select(i => (object?[])[(long)i, .. Values(i)]).ToArray())
            .InsertData("inserted", ["id", .. AllButId], Enumerable.Range(1, 40).Select(i => (object?[])[(long)i, .. Values(i)]).ToArray());
    }

    [Migration(2, "Seed some columns")]
    internal sealed class SeedSomeColumns : Migration
    {
        public override void Up(MigrationBuilder m) =>
            m.InsertData("appended", ["name"], Enumerable.Range(0, Many).Select(i => new object?[] { $"row {i}" }).ToArray());
    }

    [Migration(2, "Seed from text")]
    internal sealed class SeedFromText : Migration
    {
        public override void Up(MigrationBuilder m) =>
            m.InsertData("appended", ["name", "qty", "price", "born", "flag"], Enumerable.Range(0, Many).Select(i => new object?[]
            {
                $"row {i}", i.ToString(CultureInfo.InvariantCulture), $"{i}.25", new DateOnly(2024, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "true",
            }).ToArray());
    }

    [Migration(2, "Seed then fail")]
    internal sealed class SeedThenFail : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .InsertData("appended", ["id", .. AllButId], Enumerable.Range(1, Many).Select(i => (object?[])[(long)i, .. Values(i)]).ToArray())
            .Sql("SELECT * FROM no_such_table");

        public override void Down(MigrationBuilder m) => m.DeleteData("appended", new { id = 1L });
    }

    [Migration(2, "Seed a bad number")]
    internal sealed class SeedBadNumber : Migration
    {
        public override void Up(MigrationBuilder m) =>
            m.InsertData("appended", ["name", "qty"], Enumerable.Range(0, Many).Select(i => new object?[] { $"row {i}", i == 100 ? "lots" : "1" }).ToArray());

        public override void Down(MigrationBuilder m) => m.DeleteData("appended", new { id = 1L });
    }
}
