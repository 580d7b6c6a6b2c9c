using Migrations.Operations;

namespace Migrations.DuckDb.Dialect;

/// <summary>What DuckDB 1.5 cannot represent, told before any SQL runs, each with what to do instead.</summary>
internal static class DuckDbOperationRules
{
    public static IEnumerable<string> Validate(MigrationOperation operation)
    {
        foreach (var type in TypesOf(operation))
        {
            if (DuckDbTypes.Problem(type) is { } problem)
            {
                yield return problem;
            }
        }

        switch (operation)
        {
            case CreateTableOperation o:
                foreach (var problem in o.ForeignKeys.SelectMany(f => ForeignKeyProblems(o.Table, f)))
                {
                    yield return problem;
                }

                break;
            case AddForeignKeyOperation o:
                foreach (var problem in ForeignKeyProblems(o.Table, o.ForeignKey))
                {
                    yield return problem;
                }

                break;
        }
    }

    private static IEnumerable<string> ForeignKeyProblems(TableName table, ForeignKeyConstraint foreignKey)
    {
        if (foreignKey.OnDelete is not (ReferentialAction.NoAction or ReferentialAction.Restrict) ||
            foreignKey.OnUpdate is not (ReferentialAction.NoAction or ReferentialAction.Restrict))
        {
            yield return $"Foreign key {foreignKey.Name}: DuckDB supports no ON DELETE/ON UPDATE actions (CASCADE, SET NULL, SET DEFAULT). " +
                         "Use NoAction and delete or update the referencing rows first (DeleteData/UpdateData or Sql).";
        }

        if (foreignKey.PrincipalTable.Schema is { } schema && !string.Equals(schema, table.Schema ?? DuckDbSql.DefaultSchema, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Foreign key {foreignKey.Name} points from schema {table.Schema ?? DuckDbSql.DefaultSchema} to schema {schema}: DuckDB refuses foreign keys across schemas. Keep both tables in one schema.";
        }
    }

    private static IEnumerable<ColumnType> TypesOf(MigrationOperation operation) => operation switch
    {
        CreateTableOperation o => o.Columns.Select(c => c.Type),
        AddColumnOperation o => [o.Column.Type],
        AlterColumnTypeOperation o => [o.NewType],
        _ => [],
    };
}
