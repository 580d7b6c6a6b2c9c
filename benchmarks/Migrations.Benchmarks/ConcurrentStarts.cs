using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Migrations.Testing;
using Npgsql;

namespace Migrations.Benchmarks;

/// <summary>
/// Six processes of one app started at once on an empty database, as a deploy that starts six
/// instances does: how many succeed, whether each migration ran exactly once (the processes' own
/// counts of what they applied add up to the migrations, and the history and the tables hold each
/// once), and how long the last one took.
/// </summary>
internal static partial class ConcurrentStarts
{
    private const int Processes = 6;
    private const int Rounds = 3;
    private const int Migrations = 300;

    public static async Task CompareAsync(PostgresTestServer server, string ours, string floor)
    {
        foreach (var (name, executable, arguments) in new[] { ("ours", ours, Array.Empty<string>()), ("floor", floor, ["apply"]) })
        {
            for (var round = 0; round < Rounds; round++)
            {
                var database = await server.CreateDatabaseAsync($"concurrent_{name}");
                var watch = Stopwatch.StartNew();
                var runs = await Task.WhenAll(Enumerable.Range(0, Processes).Select(_ => ChildProcess.RunAsync(executable, [.. arguments, database])));
                watch.Stop();
                var applied = runs.Sum(r => AppliedLine().Match(r.Output) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
                var (history, tables) = await CountAsync(database);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Processes} processes at once on an empty database, {name}: {runs.Count(r => r.ExitCode == 0)}/{Processes} succeeded, migrations applied {(name == "ours" ? applied.ToString(CultureInfo.InvariantCulture) : "-")} (of {Migrations}), history rows {history}, tables {tables}, all done in {watch.Elapsed.TotalMilliseconds:F0} ms"));
            }
        }
    }

    private static async Task<(long History, long Tables)> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM \"public\".\"__migrations_history\"), (SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'public' AND tablename ~ '^t[0-9]+$')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [GeneratedRegex(@"applied (\d+)")]
    private static partial Regex AppliedLine();
}
