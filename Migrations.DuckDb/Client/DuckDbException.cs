using System.Data.Common;

namespace Migrations.DuckDb.Client;

/// <summary>An error reported by DuckDB; the message carries DuckDB's own text (for example "Catalog Error: ...").</summary>
public sealed class DuckDbException : DbException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">DuckDB's message.</param>
    /// <param name="errorType">DuckDB's error type code (duckdb_error_type), or 0 when unknown.</param>
    public DuckDbException(string message, int errorType = 0)
        : base(message) => ErrorType = errorType;

    /// <summary>DuckDB's error type code (duckdb_error_type), or 0 when unknown.</summary>
    public int ErrorType { get; }
}
