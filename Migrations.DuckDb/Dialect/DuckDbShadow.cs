using Migrations.Dialects;

namespace Migrations.DuckDb.Dialect;

/// <summary>A shadow database in a file of its own in a new temporary folder, deleted with the folder.</summary>
internal sealed class DuckDbShadow : IShadowDatabase
{
    private readonly string _folder;

    private DuckDbShadow(string folder)
    {
        _folder = folder;
        Dialect = new DuckDbDialect($"Data Source={Path.Combine(folder, "shadow.duckdb")}");
    }

    public IMigrationDialect Dialect { get; }

    public static IShadowDatabase Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "migrations-shadow-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new DuckDbShadow(folder);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere stays in the temporary folder, which the system clears.
        }

        return ValueTask.CompletedTask;
    }
}
