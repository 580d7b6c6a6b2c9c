using Migrations.Dialects;
using Migrations.DuckDb.Dialect;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Planning;

/// <summary>
/// DuckDB has no identity columns: an identity column becomes a sequence of its own, marked as
/// the library's, and a nextval default; the sequence goes when its column or table goes.
/// </summary>
internal sealed class IdentityColumns
{
    private readonly NameResolver _names;

    public IdentityColumns(NameResolver names) => _names = names;

    /// <summary>The sequence behind an identity column.</summary>
    public static CreateSequenceOperation SequenceOf(TableName table, string column) => new(Sequence(table, column));

    /// <summary>Marks the sequence as the library's, so that it goes with its column and no other sequence does.</summary>
    public SqlStep Mark(TableName table, string column) =>
        DuckDbSequences.MarkAsIdentity(_names.Resolve(Sequence(table, column)), _names.Resolve(table), column);

    /// <summary>The column as DuckDB stores it: NOT NULL with a nextval default.</summary>
    public static ColumnDefinition AsSequenceDefault(TableName table, ColumnDefinition column) => column with
    {
        IsIdentity = false,
        IsNullable = false,
        Default = DefaultValue.Expression($"nextval({DuckDbSql.String(DuckDbSql.Quote(Sequence(table, column.Name)))})"),
    };

    /// <summary>Dropping a table or column drops the identity sequences only it used.</summary>
    public IReadOnlyList<DropSequenceOperation> Unused(MigrationOperation operation, SchemaModel before, TableModel table)
    {
        var (candidates, column) = operation switch
        {
            DropTableOperation => (table.Columns.SelectMany(c => DuckDbSequences.In(c.DefaultSql)), null),
            DropColumnOperation o => (DuckDbSequences.In(table.Columns.FirstOrDefault(c => _names.SameName(c.Name, o.Column))?.DefaultSql), o.Column),
            _ => ([], (string?)null),
        };
        var stillUsed = before.Tables
            .SelectMany(t => t.Columns
                .Where(c => !(_names.Same(t.Name, table.Name) && (column is null || _names.SameName(c.Name, column))))
                .SelectMany(c => DuckDbSequences.In(c.DefaultSql)))
            .ToList();
        // Only a sequence the library made for an identity column goes: one the user made and named
        // in a default (nextval('order_id_seq')) stays, as it would on PostgreSQL.
        return candidates
            .Where(s => !stillUsed.Any(u => _names.Same(u, s)) && before.Sequences.Any(m => _names.Same(m.Name, s) && (m.ForIdentity || IsIdentityName(s, table, column))))
            .Distinct()
            .Select(s => new DropSequenceOperation(s))
            .ToList();
    }

    private static TableName Sequence(TableName table, string column) => table with { Name = $"{table.Name}_{column}_seq" };

    /// <summary>Sequences made before they were marked are known by their name: table_column_seq.</summary>
    private bool IsIdentityName(TableName sequence, TableModel table, string? column) =>
        (column is null ? table.Columns.Select(c => c.Name) : [column]).Any(c => _names.Same(_names.Resolve(Sequence(table.Name, c)), sequence));
}
