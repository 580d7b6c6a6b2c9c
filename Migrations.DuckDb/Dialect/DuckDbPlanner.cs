using System.Data.Common;
using System.Text.RegularExpressions;
using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Dialect;

/// <summary>
/// Shapes operations into what DuckDB runs directly: identity columns become a sequence and a
/// nextval default, NOT NULL columns are added then constrained, dropping a table drops its
/// identity sequences, and changes DuckDB would get wrong are refused before anything runs.
/// The schema is read from the database only when an operation needs it.
/// </summary>
internal sealed partial class DuckDbPlanner : IMigrationPlanner
{
    private readonly DbConnection _connection;
    private readonly NameResolver _names = new(DuckDbConventions.Instance);
    private readonly List<MigrationOperation> _plannedBeforeRead = [];
    private SchemaModel? _model;
    private bool _rawSqlSeen;
    private bool _usedUncertainModel;

    public DuckDbPlanner(DbConnection connection) => _connection = connection;

    public async Task<MigrationPlan> PlanAsync(IReadOnlyList<MigrationOperation> operations, CancellationToken cancellationToken)
    {
        _usedUncertainModel = false;
        var steps = new List<SqlStep>();
        foreach (var operation in operations)
        {
            foreach (var (shaped, comment) in await ShapeAsync(operation, cancellationToken).ConfigureAwait(false))
            {
                steps.AddRange(DuckDbSqlGenerator.Generate(shaped).Select(s => s with { Source = operation, Comment = comment }));
                Track(shaped);
            }
        }

        return new MigrationPlan(steps, IsExact: !_usedUncertainModel);
    }

    private async Task<IReadOnlyList<(MigrationOperation Operation, string? Comment)>> ShapeAsync(MigrationOperation operation, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case CreateTableOperation o when o.Columns.Any(c => c.IsIdentity):
                var sequences = o.Columns.Where(c => c.IsIdentity).Select(c => (MigrationOperation)new CreateSequenceOperation(IdentitySequence(o.Table, c.Name)));
                var table = o with { Columns = o.Columns.Select(c => c.IsIdentity ? AsSequenceDefault(o.Table, c) : c).ToArray() };
                return [.. sequences.Select(s => (s, (string?)"identity column: a sequence and a nextval default")), (table, null)];

            case AddColumnOperation o when o.Column.IsIdentity || !o.Column.IsNullable:
                return await AddNotNullColumnAsync(o, cancellationToken).ConfigureAwait(false);

            case DropTableOperation o:
                var dropped = await ModelAsync(cancellationToken).ConfigureAwait(false);
                var owned = _names.FindTable(dropped, o.Table)?.Columns.SelectMany(c => SequencesIn(c.DefaultSql)) ?? [];
                return [(o, null), .. OrphanedSequences(dropped, o.Table, owned).Select(s => ((MigrationOperation)new DropSequenceOperation(s), (string?)"sequence of a dropped identity column"))];

            case DropColumnOperation o:
                var model = await ModelAsync(cancellationToken).ConfigureAwait(false);
                var column = _names.FindTable(model, o.Table)?.Columns.FirstOrDefault(c => _names.SameName(c.Name, o.Column));
                return [(o, null), .. OrphanedSequences(model, o.Table, SequencesIn(column?.DefaultSql), o.Column).Select(s => ((MigrationOperation)new DropSequenceOperation(s), (string?)"sequence of a dropped identity column"))];

            case RenameTableOperation o:
                await RefuseUnsafeRenameAsync(o, cancellationToken).ConfigureAwait(false);
                return [(o, null)];

            default:
                return [(operation, null)];
        }
    }

    /// <summary>DuckDB rejects NOT NULL in ADD COLUMN: add the column, then set NOT NULL where DuckDB allows it.</summary>
    private async Task<IReadOnlyList<(MigrationOperation, string?)>> AddNotNullColumnAsync(AddColumnOperation o, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(cancellationToken).ConfigureAwait(false);
        if (_names.FindTable(model, o.Table) is { } table && BlockingReason(model, table) is { } reason)
        {
            throw new MigrationPlanningException(o,
                $"DuckDB cannot add NOT NULL column \"{o.Column.Name}\" to {table.Name} because {reason}: DuckDB refuses SET NOT NULL on such a table. " +
                "Add the column as nullable, or recreate the table with the column declared in CreateTable and copy the rows over.");
        }

        var column = o.Column.IsIdentity ? AsSequenceDefault(o.Table, o.Column) : o.Column;
        var steps = new List<(MigrationOperation, string?)>();
        if (o.Column.IsIdentity)
        {
            steps.Add((new CreateSequenceOperation(IdentitySequence(o.Table, o.Column.Name)), "identity column: a sequence and a nextval default"));
        }

        if (o.Column.IsIdentity)
        {
            // DuckDB refuses SET NOT NULL after filling a column from nextval() in the same transaction
            // ("Cannot create index with outstanding updates"); every row gets a value from the sequence regardless.
            steps.Add((o with { Column = column with { IsNullable = true } }, "existing rows are numbered from the sequence; DuckDB cannot add NOT NULL in the same transaction"));
            return steps;
        }

        steps.Add((o with { Column = column with { IsNullable = true } }, "DuckDB adds columns without constraints; NOT NULL follows"));
        steps.Add((new AlterColumnNullabilityOperation(o.Table, o.Column.Name, IsNullable: false), null));
        return steps;
    }

    private async Task RefuseUnsafeRenameAsync(RenameTableOperation o, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(cancellationToken).ConfigureAwait(false);
        if (_names.FindTable(model, o.Table) is not { } table)
        {
            return;
        }

        if (table.ForeignKeys.Count > 0)
        {
            throw new MigrationPlanningException(o,
                $"Renaming {table.Name}, which has foreign keys, silently corrupts DuckDB's catalog (the referenced table can no longer be changed; duckdb#24648). " +
                "Create the table under the new name, copy the rows, and drop the old one instead.");
        }

        if (BlockingReason(model, table) is { } reason)
        {
            throw new MigrationPlanningException(o,
                $"DuckDB cannot rename {table.Name} because {reason}. Drop the index first, or create the table under the new name and copy the rows.");
        }
    }

    /// <summary>Why DuckDB blocks most ALTERs on a table: an explicit index, or being referenced by a foreign key.</summary>
    private string? BlockingReason(SchemaModel model, TableModel table)
    {
        if (table.Indexes.Count > 0)
        {
            return $"it has index {table.Indexes[0].Name}";
        }

        // A self-referencing table counts: DuckDB blocks ALTERs on any FK parent.
        var child = model.Tables.FirstOrDefault(t => t.ForeignKeys.Any(f => _names.Same(f.PrincipalTable, table.Name)));
        return child is null ? null : $"{child.Name} references it by a foreign key";
    }

    private async Task<SchemaModel> ModelAsync(CancellationToken cancellationToken)
    {
        if (_model is null)
        {
            var model = await DuckDbSchemaReader.ReadAsync(_connection, cancellationToken).ConfigureAwait(false);
            foreach (var planned in _plannedBeforeRead)
            {
                model = Advance(model, planned);
            }

            _plannedBeforeRead.Clear();
            _model = model;
        }

        _usedUncertainModel |= _rawSqlSeen;
        return _model;
    }

    private void Track(MigrationOperation operation)
    {
        if (_model is null)
        {
            _plannedBeforeRead.Add(operation);
        }
        else
        {
            _model = Advance(_model, operation);
        }
    }

    /// <summary>Raw SQL's effect cannot be simulated: keep the model, and mark plans that rely on it.</summary>
    private SchemaModel Advance(SchemaModel model, MigrationOperation operation)
    {
        var next = model.Apply(operation, DuckDbConventions.Instance);
        _rawSqlSeen |= next is null;
        return next ?? model;
    }

    private IEnumerable<TableName> OrphanedSequences(SchemaModel model, TableName table, IEnumerable<TableName> candidates, string? droppedColumn = null)
    {
        var stillUsed = model.Tables
            .SelectMany(t => t.Columns
                .Where(c => !(_names.Same(t.Name, table) && (droppedColumn is null || _names.SameName(c.Name, droppedColumn))))
                .SelectMany(c => SequencesIn(c.DefaultSql)))
            .ToList();
        return candidates
            .Where(s => !stillUsed.Any(u => _names.Same(u, s)))
            .Where(s => model.Sequences.Any(m => _names.Same(m.Name, s)))
            .Distinct();
    }

    private static TableName IdentitySequence(TableName table, string column) => table with { Name = $"{table.Name}_{column}_seq" };

    private static ColumnDefinition AsSequenceDefault(TableName table, ColumnDefinition column) => column with
    {
        IsIdentity = false,
        Default = DefaultValue.Expression($"nextval({DuckDbSql.String(DuckDbSql.Quote(IdentitySequence(table, column.Name)))})"),
    };

    /// <summary>The sequences a default draws from: <c>nextval('"main"."t_id_seq"')</c> gives main.t_id_seq.</summary>
    private static IEnumerable<TableName> SequencesIn(string? defaultSql)
    {
        if (defaultSql is null)
        {
            yield break;
        }

        foreach (Match match in NextValCall().Matches(defaultSql))
        {
            var parts = QualifiedNamePart().Matches(match.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal))
                .Select(p => p.Groups[1].Success ? p.Groups[1].Value.Replace("\"\"", "\"", StringComparison.Ordinal) : p.Groups[2].Value)
                .ToArray();
            yield return parts.Length switch
            {
                1 => new TableName(parts[0]),
                _ => new TableName(parts[^1], parts[^2]),
            };
        }
    }

    [GeneratedRegex(@"nextval\('((?:[^']|'')*)'\)", RegexOptions.IgnoreCase)]
    private static partial Regex NextValCall();

    [GeneratedRegex(@"""((?:[^""]|"""")*)""|([^."" ]+)")]
    private static partial Regex QualifiedNamePart();
}
