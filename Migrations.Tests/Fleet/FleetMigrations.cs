using Migrations.Building;

namespace Migrations.Tests.Fleet;

/// <summary>Three migrations every tenant database gets.</summary>
internal static class FleetMigrations
{
    public static readonly Type[] All = [typeof(Accounts), typeof(Invoices), typeof(InvoiceTotals)];

    [Migration(1, "Accounts")]
    public sealed class Accounts : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("accounts", t => t
            .Column("id", c => c.Int64().Identity().PrimaryKey())
            .Column("name", c => c.String(100).NotNull()));
    }

    [Migration(2, "Invoices")]
    public sealed class Invoices : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("invoices", t => t
            .Column("id", c => c.Int64().Identity().PrimaryKey())
            .Column("account_id", c => c.Int64().NotNull().References("accounts", "id")));
    }

    [Migration(3, "Invoice totals")]
    public sealed class InvoiceTotals : Migration
    {
        public override void Up(MigrationBuilder m) => m.AddColumn("invoices", "total", c => c.Decimal(10, 2).NotNull().Default(0));
    }
}
