using DotNet.Testcontainers.Builders;
using Testcontainers.PostgreSql;

namespace Migrations.Testing;

/// <summary>A PostgreSQL container started by Testcontainers, tuned for tests (no fsync).</summary>
internal static class PostgresContainer
{
    /// <summary>The environment variable naming the image; the official <c>postgres:15</c> otherwise.</summary>
    public const string ImageVariable = "MIGRATIONS_TEST_POSTGRES_IMAGE";

    public static string Image => Environment.GetEnvironmentVariable(ImageVariable) is { Length: > 0 } image ? image : "postgres:15";

    /// <summary>Starts a container, or returns null when no Docker engine can be found.</summary>
    public static async Task<PostgreSqlContainer?> TryStartAsync(CancellationToken cancellationToken)
    {
        PostgreSqlContainer container;
        try
        {
            container = new PostgreSqlBuilder(Image)
                .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200")
                .Build();
        }
        catch (DockerUnavailableException)
        {
            return null;
        }

        try
        {
            await container.StartAsync(cancellationToken).ConfigureAwait(false);
            return container;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"Docker answers, but a PostgreSQL container from {Image} did not start: {e.Message} " +
                $"Set {ImageVariable} to an image this Docker can run, or {PostgresTestServer.SourceVariable}=binaries to use the local PostgreSQL binaries.", e);
        }
    }
}
