namespace Migrations.Benchmarks.Processes;

/// <summary>The 200,000 seed rows both sides send: id, name, amount, created.</summary>
public static class SeedRows
{
    public const int Count = 200_000;

    public const string CreateTable = "CREATE TABLE \"public\".\"seed\" (\"id\" bigint NOT NULL, \"name\" text NOT NULL, \"amount\" numeric(10,2), \"created\" timestamp with time zone, CONSTRAINT \"seed_pkey\" PRIMARY KEY (\"id\"))";

    public static IEnumerable<(long Id, string Name, decimal Amount, DateTime Created)> All()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= Count; i++)
        {
            yield return (i, $"customer {i}", i % 10_000 / 100m, start.AddSeconds(i));
        }
    }
}
