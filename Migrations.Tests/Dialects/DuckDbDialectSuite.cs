using System.Data.Common;
using Migrations.Dialects;
using Migrations.DuckDb;
using Migrations.Operations;
using Migrations.Tests.Support;

namespace Migrations.Tests.Dialects;

/// <summary>The shared suite on a DuckDB file.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class DuckDbDialectSuite : DialectSuite, IDisposable
{
    private readonly DuckDbTestDatabase _db = new();

    protected override string DefaultSchema => "main";

    private protected override Migrations.Schema.ISchemaConventions Conventions => Migrations.DuckDb.Dialect.DuckDbConventions.Instance;

    protected override IReadOnlyDictionary<string, string> AcceptedByDesign { get; } = new Dictionary<string, string>
    {
        ["text too long for its column"] = "DuckDB stores String(n) as VARCHAR and never checks the length",
    };

    public void Dispose() => _db.Dispose();

    protected override Task<IMigrationDialect> CreateDialectAsync() => Task.FromResult<IMigrationDialect>(new DuckDbDialect(_db.ConnectionString));

    protected override DbConnection OpenConnection() => _db.Open();

    protected override string TypeName(ColumnType type) => type.Kind switch
    {
        ColumnTypeKind.Decimal => $"DECIMAL({type.Precision},{type.Scale})",
        ColumnTypeKind.Int64 => "BIGINT",
        ColumnTypeKind.Int32 => "INTEGER",
        ColumnTypeKind.String => "VARCHAR",
        ColumnTypeKind.Boolean => "BOOLEAN",
        _ => type.Kind.ToString(),
    };
}
