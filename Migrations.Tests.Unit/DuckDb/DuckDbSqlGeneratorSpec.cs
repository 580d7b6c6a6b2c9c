using Migrations.DuckDb.Dialect;
using Migrations.Operations;
using Migrations.Tests.Dialects;

namespace Migrations.Tests.DuckDb;

/// <summary>DuckDB's answers to the generator spec.</summary>
public sealed class DuckDbSqlGeneratorSpec : SqlGeneratorSpec
{
    protected override IReadOnlyDictionary<string, string[]?> Expected { get; } = new Dictionary<string, string[]?>
    {
        ["AddCheckConstraintOperation"] = null,
        ["AddColumnOperation"] = ["ALTER TABLE \"main\".\"things\" ADD COLUMN \"note\" VARCHAR"],
        ["AddEnumValueOperation"] = null,
        ["AddForeignKeyOperation"] = null,
        ["AddPrimaryKeyOperation"] = ["ALTER TABLE \"main\".\"loose\" ADD PRIMARY KEY (\"a\")"],
        ["AddUniqueConstraintOperation"] = null,
        ["AlterColumnDefaultOperation"] = ["ALTER TABLE \"main\".\"things\" ALTER COLUMN \"qty\" SET DEFAULT 5"],
        ["AlterColumnNullabilityOperation"] = ["ALTER TABLE \"main\".\"things\" ALTER COLUMN \"qty\" SET NOT NULL"],
        ["AlterColumnTypeOperation"] = ["ALTER TABLE \"main\".\"things\" ALTER COLUMN \"qty\" SET DATA TYPE BIGINT"],
        ["CreateEnumOperation"] = ["CREATE TYPE \"main\".\"size\" AS ENUM ('s', 'm')"],
        ["CreateIndexOperation"] = ["CREATE INDEX \"ix_things_qty\" ON \"main\".\"things\" (\"qty\")"],
        ["CreateSequenceOperation"] = ["CREATE SEQUENCE \"main\".\"ticket\" START WITH 1 INCREMENT BY 1"],
        ["CreateTableOperation"] = ["CREATE TABLE \"main\".\"extras\" (\"id\" INTEGER NOT NULL)"],
        ["DeleteDataOperation"] = ["DELETE FROM \"main\".\"things\" WHERE \"id\" = $1"],
        ["DropColumnOperation"] = ["ALTER TABLE \"main\".\"things\" DROP COLUMN \"qty\""],
        ["DropConstraintOperation"] = null,
        ["DropEnumOperation"] = ["DROP TYPE \"main\".\"unused\""],
        ["DropEnumValueOperation"] = null,
        ["DropIndexOperation"] = ["DROP INDEX \"main\".\"ix_things_name\""],
        ["DropSequenceOperation"] = ["DROP SEQUENCE \"main\".\"counter\""],
        ["DropTableOperation"] = ["DROP TABLE \"main\".\"loose\""],
        ["InsertDataOperation"] = ["INSERT INTO \"main\".\"owners\" (\"id\", \"code\") VALUES ($1, $2)"],
        ["RenameColumnOperation"] = ["ALTER TABLE \"main\".\"things\" RENAME COLUMN \"qty\" TO \"quantity\""],
        ["RenameEnumValueOperation"] = null,
        ["RenameTableOperation"] = ["ALTER TABLE \"main\".\"loose\" RENAME TO \"relaxed\""],
        ["SafeRewritesOperation"] = [],
        ["SqlOperation"] = ["CREATE TABLE raw_made (a INTEGER)"],
        ["TimeoutsOperation"] = [],
        ["UpdateDataOperation"] = ["UPDATE \"main\".\"things\" SET \"name\" = $1 WHERE \"id\" = $2"],
    };

    protected override IEnumerable<string> Generate(MigrationOperation operation) => DuckDbSqlGenerator.Generate(operation).Select(s => s.Sql);
}
