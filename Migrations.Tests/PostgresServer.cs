using Migrations.Testing;

namespace Migrations.Tests;

/// <summary>
/// One PostgreSQL server for the whole test run, started by the first test that needs it and
/// stopped when every test has finished.
/// </summary>
[SetUpFixture]
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresTestServer>> Server = new(() => PostgresTestServer.StartAsync());

    public static PostgresTestServer Instance => Server.Value.GetAwaiter().GetResult();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Server.IsValueCreated)
        {
            await (await Server.Value).DisposeAsync();
        }
    }
}
