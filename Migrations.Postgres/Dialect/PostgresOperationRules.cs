using System.Text;
using Migrations.Dialects;
using Migrations.Operations;

namespace Migrations.Postgres.Dialect;

/// <summary>What can be told about an operation without a database, each with what to do instead.</summary>
internal static class PostgresOperationRules
{
    /// <summary>PostgreSQL keeps the first 63 bytes of a name and silently drops the rest (NAMEDATALEN - 1).</summary>
    private const int MaxNameBytes = 63;

    public static IEnumerable<string> Validate(MigrationOperation operation)
    {
        foreach (var (what, name) in OperationNames.Of(operation))
        {
            if (name is not null && Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
            {
                yield return $"The {what} \"{name}\" is {Encoding.UTF8.GetByteCount(name)} bytes long: PostgreSQL would cut it to {MaxNameBytes} bytes without a word, and two long names could become one. Use a shorter name.";
            }
        }

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
    }
}
