using Migrations.Building;

namespace Migrations.Tests.Worker;

/// <summary>Every migration writes its version here inside its own transaction, so a double apply shows as two rows.</summary>
[Migration(1, "Log of applied migrations")]
public sealed class Log : Migration
{
    public override void Up(MigrationBuilder m)
    {
        m.CreateTable("applied_log", t => t.Column("version", c => c.Int64().NotNull()).Column("backend", c => c.Int32().NotNull().DefaultSql("pg_backend_pid()")));
        m.InsertData("applied_log", ["version"], [1L]);
    }
}

/// <summary>Types and tables that collide ("already exists", duplicate key in pg_type) when two processes create them at once.</summary>
public abstract class Numbered : Migration
{
    protected abstract long Version { get; }

    public override void Up(MigrationBuilder m)
    {
        m.CreateEnum($"kind{Version}", "a", "b");
        m.CreateTable($"table{Version}", t => t
            .Column("id", c => c.Int64().Identity().PrimaryKey())
            .Column("kind", c => c.Enum($"kind{Version}")));
        m.CreateIndex($"table{Version}", "kind");
        m.InsertData("applied_log", ["version"], [Version]);
    }
}

[Migration(2, "Second")]
public sealed class Second : Numbered
{
    protected override long Version => 2;
}

[Migration(3, "Third")]
public sealed class Third : Numbered
{
    protected override long Version => 3;
}

[Migration(4, "Fourth")]
public sealed class Fourth : Numbered
{
    protected override long Version => 4;
}

[Migration(5, "Fifth")]
public sealed class Fifth : Numbered
{
    protected override long Version => 5;
}

[Migration(6, "Sixth")]
public sealed class Sixth : Numbered
{
    protected override long Version => 6;
}
