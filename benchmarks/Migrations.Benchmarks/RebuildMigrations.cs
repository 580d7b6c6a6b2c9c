using Migrations.Building;

namespace Migrations.Benchmarks;

/// <summary>A check added to a table with a primary key: DuckDB can only do it by rebuilding the table.</summary>
[Migration(1, "Check on big")]
public sealed class AddCheckToBig : Migration
{
    public override void Up(MigrationBuilder m) => m.AddCheckConstraint("big", "ck_big_a", "a >= 0");
}

/// <summary>The seed's change at scale: a NOT NULL email on customers, which orders references.</summary>
[Migration(1, "Email on customers")]
public sealed class AddEmailToCustomers : Migration
{
    public override void Up(MigrationBuilder m) => m.AddColumn("customers", "email", c => c.String().NotNull().Default(""));
}

/// <summary>Three changes to one indexed table in one migration: drop a column, retype one, rename one.</summary>
[Migration(1, "Three changes to orders")]
public sealed class ThreeChangesToOrders : Migration
{
    public override void Up(MigrationBuilder m)
    {
        m.DropColumn("orders", "note");
        m.AlterColumn("orders", "amount", c => c.Type(Migrations.Operations.ColumnType.Int64));
        m.RenameColumn("orders", "code", "reference");
    }
}
