using Migrations.Testing;

namespace Migrations.Tests.Postgres;

/// <summary>One PostgreSQL server for every test in this namespace, started once and stopped at the end.</summary>
[SetUpFixture]
public sealed class PostgresServer
{
    private static PostgresTestServer? _server;

    public static PostgresTestServer Instance => _server ?? throw new InvalidOperationException("The PostgreSQL test server is not running.");

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await PostgresTestServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
