using System.Data.Common;
using System.Globalization;
using Migrations.DuckDb.Dialect;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Planning;

/// <summary>
/// How many levels deep the rows of a self-referencing table go, so that a rebuild copies them
/// back parent level before child level.
/// </summary>
internal sealed class SelfReferenceDepth
{
    /// <summary>Used when the table cannot be read yet (it is created earlier in this run).</summary>
    public const int Default = 32;

    // Room for rows that earlier migrations of this run may add.
    private const int Margin = 8;

    private readonly DbConnection _connection;
    private readonly NameResolver _names;

    public SelfReferenceDepth(DbConnection connection, NameResolver names)
    {
        _connection = connection;
        _names = names;
    }

    /// <summary>The depth read from the table now, with a margin; <see cref="Default"/> when it cannot be read.</summary>
    public async Task<int> ReadAsync(TableModel table, CancellationToken cancellationToken)
    {
        var self = table.ForeignKeys.First(f => _names.Same(f.PrincipalTable, table.Name));
        var keys = self.PrincipalColumns.Select((c, i) => (DuckDbSql.Quote(c), DuckDbSql.Quote(self.Columns[i]))).ToList();
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = $"{DuckDbTableRebuild.Levels(DuckDbSql.Quote(table.Name), keys)} SELECT coalesce(max(depth), 0) FROM l";
            var depth = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            return depth + Margin;
        }
        catch (DbException)
        {
            return Default;
        }
    }

    /// <summary>The depth of every self-referencing table among those a rebuild of <paramref name="closure"/> copies.</summary>
    public async Task<Func<TableModel, int>> ForAsync(IEnumerable<TableModel> closure, CancellationToken cancellationToken)
    {
        var levels = new Dictionary<TableName, int>();
        foreach (var table in closure.Where(t => t.ForeignKeys.Any(f => _names.Same(f.PrincipalTable, t.Name))))
        {
            levels[table.Name] = await ReadAsync(table, cancellationToken).ConfigureAwait(false);
        }

        return t => levels.GetValueOrDefault(t.Name, Default);
    }
}
