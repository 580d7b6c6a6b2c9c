using Migrations.Building;

namespace Migrations.Benchmarks;

/// <summary>What each generated migration does.</summary>
public static class Workloads
{
    /// <summary>One small table per migration.</summary>
    public static void SmallTable(MigrationBuilder m, long version) =>
        m.CreateTable($"t{version}", t => t.Column("id", c => c.Int64()));

    /// <summary>Create table, add a column, index it.</summary>
    public static void TableColumnIndex(MigrationBuilder m, long version)
    {
        m.CreateTable($"t{version}", t => t.Column("id", c => c.Int64()).Column("name", c => c.String()));
        m.AddColumn($"t{version}", "extra", c => c.Int32());
        m.CreateIndex($"t{version}", "name");
    }

    /// <summary>The statements the runner sends for <see cref="TableColumnIndex"/>, written by hand.</summary>
    public static string[] TableColumnIndexSql(long version) =>
    [
        $"CREATE TABLE \"main\".\"t{version}\" (\"id\" BIGINT, \"name\" VARCHAR)",
        $"ALTER TABLE \"main\".\"t{version}\" ADD COLUMN \"extra\" INTEGER",
        $"CREATE INDEX \"ix_t{version}_name\" ON \"main\".\"t{version}\" (\"name\")",
    ];
}
