// A generic host whose startup migration fails: the process must end with exit code 1 and the
// error must be logged once, with no "Unhandled exception" abort.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Migrations;
using Migrations.Building;
using Migrations.DuckDb;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddMigrations(o => o.UseDuckDb($"Data Source={args[0]}").ScanAssemblyOf<FailsHalfway>()).RunOnStartup();
await builder.Build().RunAsync();
Console.WriteLine("unreachable: the host started although its migration failed");

[Migration(1, "Fails halfway")]
public sealed class FailsHalfway : Migration
{
    public override void Up(MigrationBuilder m) => m
        .CreateTable("kept_out", t => t.Column("id", c => c.Int64().PrimaryKey()))
        .Sql("SELECT * FROM no_such_table");

    public override void Down(MigrationBuilder m) => m.DropTable("kept_out");
}
