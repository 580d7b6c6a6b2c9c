using Migrations.Testing;

namespace Migrations.Tests.Testing;

/// <summary>Where the test PostgreSQL comes from: the connection string source, and the variable that picks one.</summary>
[NonParallelizable]
public class PostgresSourceTests
{
    [Test]
    public async Task A_server_named_by_the_connection_variable_is_used_and_left_running()
    {
        var running = PostgresServer.Instance; // started before the variable points at it
        Environment.SetEnvironmentVariable(PostgresTestServer.ConnectionVariable, running.ConnectionString);
        Environment.SetEnvironmentVariable(PostgresTestServer.SourceVariable, "connection");
        try
        {
            var server = await PostgresTestServer.StartAsync();
            Assert.That(server.Source, Is.EqualTo(PostgresSource.ConnectionString));
            Assert.That(server.ConnectionString, Is.EqualTo(running.ConnectionString));
            await server.DisposeAsync();
            var database = await running.CreateDatabaseAsync("stillup");
            Assert.That(database, Does.Contain("stillup"), "disposing the external server left it running");
        }
        finally
        {
            Environment.SetEnvironmentVariable(PostgresTestServer.ConnectionVariable, null);
            Environment.SetEnvironmentVariable(PostgresTestServer.SourceVariable, null);
        }
    }

    [Test]
    public void An_unknown_source_is_refused_with_the_choices()
    {
        Environment.SetEnvironmentVariable(PostgresTestServer.SourceVariable, "docker");
        try
        {
            var error = Assert.ThrowsAsync<InvalidOperationException>(() => PostgresTestServer.StartAsync());
            Assert.That(error!.Message, Is.EqualTo("MIGRATIONS_TEST_POSTGRES_SOURCE is \"docker\": use connection, testcontainers or binaries."));
        }
        finally
        {
            Environment.SetEnvironmentVariable(PostgresTestServer.SourceVariable, null);
        }
    }
}
