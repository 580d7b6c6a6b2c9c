namespace Migrations.Tests.Support;

/// <summary>Gives each test a fresh DuckDB file and removes it afterwards.</summary>
public abstract class DuckDbFileTests
{
    private DuckDbTestDatabase? _db;

    internal DuckDbTestDatabase Db => _db ?? throw new InvalidOperationException("The test database exists only while a test runs.");

    [SetUp]
    public void CreateDatabase() => _db = new DuckDbTestDatabase();

    [TearDown]
    public void DeleteDatabase()
    {
        _db?.Dispose();
        _db = null;
    }
}
