using System.Globalization;
using Migrations.DuckDb;
using DuckDB.NET.Data;
using Migrations.DuckDb.Dialect;
using Migrations.Running;
using Migrations.Schema;

namespace Migrations.Tests.DuckDb.Rebuilds;

/// <summary>
/// Random schemas with rows, then random changes: no row may be lost, no kept value changed, no
/// constraint lost or left unenforced, and every parent must stay changeable. CI runs a few
/// hundred cases; set MIGRATIONS_PROPERTY_CASES for a nightly-size run.
/// </summary>
public class RebuildPropertyTests
{
    private static int CaseCount =>
        int.TryParse(Environment.GetEnvironmentVariable("MIGRATIONS_PROPERTY_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 200;

    [Test]
    public async Task Random_changes_lose_no_row_and_no_constraint()
    {
        var failures = new List<string>();
        for (var seed = 1; seed <= CaseCount && failures.Count < 5; seed++)
        {
            var schema = new RandomSchema(seed);
            PropertyCase.Current = schema;
            try
            {
                await RunCase(seed, schema);
            }
            catch (Exception e) when (e is AssertionException or MigrationException or MigrationValidationException or DuckDBException)
            {
                var changes = string.Join("; ", schema.Changes.Select(c => c.Describe()));
                failures.Add($"seed {seed} ({changes}): {e.Message}");
            }
        }

        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
    }

    private static async Task RunCase(int seed, RandomSchema schema)
    {
        // A private in-memory database, alive as long as this connection is open; the runner uses it too.
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var runner = new MigrationRunner(new DuckDbDialect(connection), new MigrationRunnerOptions().Add(typeof(RandomSetup), typeof(RandomChanges)));
        await runner.MigrateToAsync(1);

        var before = await DuckDbSchemaReader.ReadAsync(connection, CancellationToken.None);
        var kept = schema.Expectations.ToDictionary(e => e.After, e => Checksum(connection, e.Before, e.Kept.Select(k => k.Before)));
        var counts = schema.Expectations.ToDictionary(e => e.After, e => Count(connection, e.Before));

        await runner.MigrateAsync();

        var expected = schema.Changes.Aggregate(before, (model, operation) => model.Apply(operation, DuckDbConventions.Instance)!);
        var actual = await DuckDbSchemaReader.ReadAsync(connection, CancellationToken.None);
        var context = $"changes: {string.Join("; ", schema.Changes.Select(c => c.Describe()))}";
        foreach (var (_, after, columns) in schema.Expectations)
        {
            Assert.That(Count(connection, after), Is.EqualTo(counts[after]), $"rows of {after}; {context}");
            Assert.That(Checksum(connection, after, columns.Select(c => c.After)), Is.EqualTo(kept[after]), $"kept values of {after}; {context}");
        }

        foreach (var table in expected.Tables.Where(t => !t.Name.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            var real = actual.Tables.Single(t => t.Name == table.Name);
            Assert.That(Describe(real), Is.EqualTo(Describe(table)), $"schema of {table.Name}; {context}");
            Execute(connection, $"DELETE FROM {DuckDbSql.Quote(table.Name)} WHERE id = -1"); // fails on a corrupted catalog
            Assert.Throws<DuckDBException>(() => Execute(connection, $"INSERT INTO {DuckDbSql.Quote(table.Name)} (id) VALUES (1000000), (1000000)"),
                $"primary key of {table.Name} enforced; {context}");
            foreach (var foreignKey in table.ForeignKeys)
            {
                Assert.Throws<DuckDBException>(() => Execute(connection, $"INSERT INTO {DuckDbSql.Quote(table.Name)} (id, {DuckDbSql.Quote(foreignKey.Columns[0])}) VALUES (2000000, -99)"),
                    $"foreign key {foreignKey.Name} of {table.Name} enforced; {context}");
            }
        }
    }

    /// <summary>What must survive: columns with types and nullability, keys, foreign keys, checks and indexes.</summary>
    private static string Describe(TableModel t) =>
        string.Join(" | ", t.Columns.Select(c => $"{c.Name}:{c.StoreType}:{c.IsNullable}")) +
        $" pk({string.Join(",", t.PrimaryKey?.Columns ?? [])})" +
        $" fk({string.Join(",", t.ForeignKeys.Select(f => $"{string.Join("+", f.Columns)}->{f.PrincipalTable.Name}"))})" +
        $" uq({t.UniqueConstraints.Count}) ck({t.CheckConstraints.Count})" +
        $" ix({string.Join(",", t.Indexes.Select(i => i.Name).Order())})";

    private static long Count(DuckDBConnection connection, string table) => (long)Scalar(connection, $"SELECT count(*) FROM {DuckDbSql.Quote(table)}")!;

    private static string Checksum(DuckDBConnection connection, string table, IEnumerable<string> columns)
    {
        var list = string.Join(", ", new[] { "id" }.Concat(columns).Select(DuckDbSql.Quote));
        return Scalar(connection, $"SELECT coalesce(md5(string_agg(CAST(({list}) AS VARCHAR), '|' ORDER BY id)), 'empty') FROM {DuckDbSql.Quote(table)}")!.ToString()!;
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
