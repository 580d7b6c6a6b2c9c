using Migrations.Operations;
using Migrations.Postgres.Dialect;
using Migrations.Tests.Dialects;

namespace Migrations.Tests.Postgres;

/// <summary>PostgreSQL's answers to the generator spec.</summary>
public sealed class PostgresSqlGeneratorSpec : SqlGeneratorSpec
{
    protected override IReadOnlyDictionary<string, string[]?> Expected { get; } = new Dictionary<string, string[]?>
    {
        ["AddCheckConstraintOperation"] = ["ALTER TABLE \"public\".\"things\" ADD CONSTRAINT \"ck_things_qty\" CHECK (qty < 1000)"],
        ["AddColumnOperation"] = ["ALTER TABLE \"public\".\"things\" ADD COLUMN \"note\" character varying(50)"],
        ["AddEnumValueOperation"] = ["ALTER TYPE \"public\".\"mood\" ADD VALUE IF NOT EXISTS 'calm'"],
        ["AddForeignKeyOperation"] = ["ALTER TABLE \"public\".\"things\" ADD CONSTRAINT \"fk_things_owner\" FOREIGN KEY (\"owner_id\") REFERENCES \"public\".\"owners\" (\"id\")"],
        ["AddPrimaryKeyOperation"] = ["ALTER TABLE \"public\".\"loose\" ADD CONSTRAINT \"loose_pkey\" PRIMARY KEY (\"a\")"],
        ["AddUniqueConstraintOperation"] = ["ALTER TABLE \"public\".\"owners\" ADD CONSTRAINT \"uq_owners_code\" UNIQUE (\"code\")"],
        ["AlterColumnDefaultOperation"] = ["ALTER TABLE \"public\".\"things\" ALTER COLUMN \"qty\" SET DEFAULT 5"],
        ["AlterColumnNullabilityOperation"] = ["ALTER TABLE \"public\".\"things\" ALTER COLUMN \"qty\" SET NOT NULL"],
        ["AlterColumnTypeOperation"] = ["ALTER TABLE \"public\".\"things\" ALTER COLUMN \"qty\" TYPE bigint"],
        ["CreateEnumOperation"] = ["CREATE TYPE \"public\".\"size\" AS ENUM ('s', 'm')"],
        ["CreateIndexOperation"] = ["CREATE INDEX \"ix_things_qty\" ON \"public\".\"things\" (\"qty\")"],
        ["CreateSequenceOperation"] = ["CREATE SEQUENCE \"public\".\"ticket\" START WITH 1 INCREMENT BY 1"],
        ["CreateTableOperation"] = ["CREATE TABLE \"public\".\"extras\" (\"id\" integer NOT NULL)"],
        ["DeleteDataOperation"] = ["DELETE FROM \"public\".\"things\" WHERE \"id\" = $1"],
        ["DropColumnOperation"] = ["ALTER TABLE \"public\".\"things\" DROP COLUMN \"qty\""],
        ["DropConstraintOperation"] = ["ALTER TABLE \"public\".\"things\" DROP CONSTRAINT \"ck_things_name\""],
        ["DropEnumOperation"] = ["DROP TYPE \"public\".\"unused\""],
        ["DropEnumValueOperation"] = null,
        ["DropIndexOperation"] = ["DROP INDEX \"public\".\"ix_things_name\""],
        ["DropSequenceOperation"] = ["DROP SEQUENCE \"public\".\"counter\""],
        ["DropTableOperation"] = ["DROP TABLE \"public\".\"loose\""],
        ["InsertDataOperation"] = ["INSERT INTO \"public\".\"owners\" (\"id\", \"code\") VALUES ($1, $2)"],
        ["RenameColumnOperation"] = ["ALTER TABLE \"public\".\"things\" RENAME COLUMN \"qty\" TO \"quantity\""],
        ["RenameEnumValueOperation"] = ["ALTER TYPE \"public\".\"mood\" RENAME VALUE 'sad' TO 'blue'"],
        ["RenameTableOperation"] = ["ALTER TABLE \"public\".\"loose\" RENAME TO \"relaxed\""],
        ["SafeRewritesOperation"] = null,
        ["SqlOperation"] = ["CREATE TABLE raw_made (a INTEGER)"],
        ["TimeoutsOperation"] = ["SET LOCAL lock_timeout = '10000ms'"],
        ["UpdateDataOperation"] = ["UPDATE \"public\".\"things\" SET \"name\" = $1 WHERE \"id\" = $2"],
    };

    protected override IEnumerable<string> Generate(MigrationOperation operation) => PostgresSqlGenerator.Generate(operation).Select(s => s.Sql);
}
