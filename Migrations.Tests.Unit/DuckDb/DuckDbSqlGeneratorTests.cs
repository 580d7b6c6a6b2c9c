using Migrations.DuckDb.Dialect;
using Migrations.Operations;

namespace Migrations.Tests.DuckDb;

/// <summary>Operations to DuckDB SQL text: identifiers always quoted, constants escaped, data values as parameters.</summary>
public class DuckDbSqlGeneratorTests
{
    private static readonly TableName Table = new("we\"ird", "s");

    [Test]
    public void Identifiers_are_quoted_and_embedded_quotes_doubled() =>
        Assert.That(Sql(new RenameColumnOperation(Table, "a\"b", "c")),
            Is.EqualTo("ALTER TABLE \"s\".\"we\"\"ird\" RENAME COLUMN \"a\"\"b\" TO \"c\""));

    [Test]
    public void Create_table_writes_columns_then_named_constraints() =>
        Assert.That(Sql(new CreateTableOperation(new TableName("t"), [
                new ColumnDefinition("id", ColumnType.Int64) { IsNullable = false },
                new ColumnDefinition("label", ColumnType.String(10)) { Default = DefaultValue.Constant("it's") },
                new ColumnDefinition("parent", ColumnType.Int64)])
            {
                PrimaryKey = new PrimaryKeyConstraint("pk_t", ["id"]),
                UniqueConstraints = [new UniqueConstraint("uq_t_label", ["label"])],
                ForeignKeys = [new ForeignKeyConstraint("fk_t_parent", ["parent"], new TableName("t"), ["id"])],
                CheckConstraints = [new CheckConstraint("ck_t_id", "id > 0")],
            }),
            Is.EqualTo("CREATE TABLE \"main\".\"t\" (\"id\" BIGINT NOT NULL, \"label\" VARCHAR DEFAULT 'it''s', \"parent\" BIGINT, " +
                       "CONSTRAINT \"pk_t\" PRIMARY KEY (\"id\"), CONSTRAINT \"uq_t_label\" UNIQUE (\"label\"), " +
                       "CONSTRAINT \"fk_t_parent\" FOREIGN KEY (\"parent\") REFERENCES \"main\".\"t\" (\"id\"), CONSTRAINT \"ck_t_id\" CHECK (id > 0))"));

    [TestCase(true, "TRUE")]
    [TestCase(42L, "42")]
    [TestCase(1.25, "1.25")]
    [TestCase("O'Brien", "'O''Brien'")]
    public void Constant_defaults_are_literals(object value, string literal) =>
        Assert.That(Sql(new AlterColumnDefaultOperation(Table, "c", DefaultValue.Constant(value))),
            Is.EqualTo($"ALTER TABLE \"s\".\"we\"\"ird\" ALTER COLUMN \"c\" SET DEFAULT {literal}"));

    [Test]
    public void Insert_sends_values_as_parameters_in_batches()
    {
        var rows = Enumerable.Range(0, 1001).Select(i => (IReadOnlyList<object?>)[i, $"'{i}"]).ToArray();
        var steps = DuckDbSqlGenerator.Generate(new InsertDataOperation(new TableName("t"), ["id", "name"], rows)).ToList();

        Assert.That(steps.Select(s => s.Parameters.Count), Is.EqualTo(new[] { 1000, 1000, 2 }));
        Assert.That(steps[2].Sql, Is.EqualTo("INSERT INTO \"main\".\"t\" (\"id\", \"name\") VALUES ($1, $2)"));
        Assert.That(steps[2].Parameters, Is.EqualTo(new object[] { 1000, "'1000" }));
        Assert.That(steps.All(s => !s.Sql.Contains("'1", StringComparison.Ordinal)), Is.True, "no value is spliced into SQL");
    }

    [Test]
    public void Update_and_delete_match_null_with_is_null()
    {
        var step = DuckDbSqlGenerator.Generate(new UpdateDataOperation(new TableName("t"), [new("a", 1)], [new("b", null), new("c", "x")])).Single();
        Assert.That(step.Sql, Is.EqualTo("UPDATE \"main\".\"t\" SET \"a\" = $1 WHERE \"b\" IS NULL AND \"c\" = $2"));
        Assert.That(step.Parameters, Is.EqualTo(new object[] { 1, "x" }));
    }

    [Test]
    public void Index_and_sequence_statements_follow_duckdbs_naming_rules()
    {
        Assert.That(Sql(new CreateIndexOperation(Table, "ix", ["a", "b"], IsUnique: true)), Is.EqualTo("CREATE UNIQUE INDEX \"ix\" ON \"s\".\"we\"\"ird\" (\"a\", \"b\")"));
        Assert.That(Sql(new DropIndexOperation(Table, "ix")), Is.EqualTo("DROP INDEX \"s\".\"ix\""));
        Assert.That(Sql(new CreateSequenceOperation(new TableName("q"), 10, 2)), Is.EqualTo("CREATE SEQUENCE \"main\".\"q\" START WITH 10 INCREMENT BY 2"));
    }

    private static string Sql(MigrationOperation operation) => DuckDbSqlGenerator.Generate(operation).Single().Sql;
}
