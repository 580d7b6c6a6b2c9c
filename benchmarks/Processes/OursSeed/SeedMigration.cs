using Migrations.Building;

namespace Migrations.Benchmarks.Processes;

/// <summary>One migration: the table, then 200,000 rows.</summary>
[Migration(1, "Seed 200k rows")]
public sealed class SeedMigration : Migration
{
    public override void Up(MigrationBuilder m)
    {
        m.CreateTable("seed", t => t
            .Column("id", c => c.Int64().PrimaryKey())
            .Column("name", c => c.Text().NotNull())
            .Column("amount", c => c.Decimal(10, 2))
            .Column("created", c => c.TimestampTz()));
        // A sequence: read as the rows are sent, never all in memory.
        m.InsertData("seed", ["id", "name", "amount", "created"], SeedRows.All().Select(r => new object?[] { r.Id, r.Name, r.Amount, r.Created }));
    }
}
