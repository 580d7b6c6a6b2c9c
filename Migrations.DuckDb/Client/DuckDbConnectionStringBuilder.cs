using System.Data.Common;

namespace Migrations.DuckDb.Client;

/// <summary>Reads and writes DuckDB connection strings: <c>Data Source=app.duckdb</c> or <c>Data Source=:memory:</c>.</summary>
#pragma warning disable CA1010 // ADO.NET base classes define the non-generic collection shape.
public sealed class DuckDbConnectionStringBuilder : DbConnectionStringBuilder
{
    /// <summary>Creates an empty builder.</summary>
    public DuckDbConnectionStringBuilder()
    {
    }

    /// <summary>Parses a connection string.</summary>
    /// <param name="connectionString">For example <c>Data Source=app.duckdb</c>.</param>
    public DuckDbConnectionStringBuilder(string connectionString) => ConnectionString = connectionString;

    /// <summary>The database file, <c>:memory:</c> for a private in-memory database, or <c>:memory:name</c> for one shared in this process.</summary>
    public string DataSource
    {
        get => TryGetValue("Data Source", out var value) ? value?.ToString() ?? "" :
               TryGetValue("DataSource", out value) ? value?.ToString() ?? "" : "";
        set => this["Data Source"] = value;
    }
}
#pragma warning restore CA1010
