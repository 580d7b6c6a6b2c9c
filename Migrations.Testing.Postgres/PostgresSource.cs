namespace Migrations.Testing;

/// <summary>Where a test PostgreSQL server comes from.</summary>
public enum PostgresSource
{
    /// <summary>An existing server named by the <c>MIGRATIONS_TEST_POSTGRES</c> connection string.</summary>
    ConnectionString,

    /// <summary>A container started by Testcontainers (image from <c>MIGRATIONS_TEST_POSTGRES_IMAGE</c>, else <c>postgres:15</c>).</summary>
    Testcontainers,

    /// <summary>A throwaway cluster from the local PostgreSQL binaries (initdb into a temporary folder).</summary>
    LocalBinaries,
}
