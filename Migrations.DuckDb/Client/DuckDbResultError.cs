namespace Migrations.DuckDb.Client;

/// <summary>Turns a failed duckdb_result into an exception.</summary>
internal static class DuckDbResultError
{
    public static DuckDbException From(ref DuckDbResult result) =>
        new(NativeMethods.Utf8(NativeMethods.duckdb_result_error(ref result)), NativeMethods.duckdb_result_error_type(ref result));
}
