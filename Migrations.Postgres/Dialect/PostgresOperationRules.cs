using Migrations.Operations;

namespace Migrations.Postgres.Dialect;

/// <summary>What can be told about an operation without a database, each with what to do instead.</summary>
internal static class PostgresOperationRules
{
    public static IEnumerable<string> Validate(MigrationOperation operation)
    {
        var types = operation switch
        {
            CreateTableOperation o => o.Columns.Select(c => c.Type),
            AddColumnOperation o => [o.Column.Type],
            AlterColumnTypeOperation o => [o.NewType],
            _ => [],
        };
        foreach (var problem in types.Select(PostgresTypes.Problem).OfType<string>())
        {
            yield return problem;
        }

        var identities = operation switch
        {
            CreateTableOperation o => o.Columns.Where(c => c.IsIdentity),
            AddColumnOperation { Column.IsIdentity: true } o => [o.Column],
            _ => [],
        };
        foreach (var column in identities.Where(c => !PostgresTypes.IsInteger(c.Type)))
        {
            yield return $"Identity column \"{column.Name}\" is {column.Type}: identity columns must be Int16, Int32 or Int64.";
        }

        if (operation is UpdateDataOperation { Where.Count: 0 } or DeleteDataOperation { Where.Count: 0 })
        {
            yield return "No row filter was given, so every row would change. Pass the columns that select the rows, or use Sql(...) for a whole-table change.";
        }
    }
}
