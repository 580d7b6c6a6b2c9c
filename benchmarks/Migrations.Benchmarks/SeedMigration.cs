using Migrations.Building;

namespace Migrations.Benchmarks;

/// <summary>200,000 rows of seed data, as a migration would carry them.</summary>
[Migration(2, "Seed 200k rows")]
public sealed class Seed200k : Migration
{
    public const int Rows = 200_000;

    public static object?[][] Data { get; } = Enumerable.Range(1, Rows)
        .Select(i => new object?[] { (long)i, $"customer {i}", i % 10_000 / 100m, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i) })
        .ToArray();

    public override void Up(MigrationBuilder m) => m.InsertData("seed", ["id", "name", "amount", "created"], Data);
}

/// <summary>The table the seed goes into.</summary>
[Migration(1, "Seed table")]
public sealed class SeedTable : Migration
{
    public const string Sql = "CREATE TABLE seed (id bigint PRIMARY KEY, name text NOT NULL, amount numeric(10,2), created timestamp with time zone)";

    public override void Up(MigrationBuilder m) => m.Sql(Sql);
}
