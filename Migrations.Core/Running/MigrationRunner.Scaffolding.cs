using Migrations.Dialects;
using Migrations.Scaffolding;

namespace Migrations.Running;

public sealed partial class MigrationRunner
{
    /// <summary>
    /// Reads the database's schema and returns the operations of one migration that makes it in an
    /// empty database (reverse engineering): schemas, enum types, sequences, tables in foreign-key
    /// order with their keys, checks, defaults and identity columns, indexes, comments and views.
    /// The history table is left out. Write it as C# with <see cref="MigrationSourceWriter"/>, then
    /// record it as applied on this database with <see cref="BaselineAsync"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait for the database and the reading.</param>
    /// <exception cref="NotSupportedException">The dialect cannot declare its schema with operations.</exception>
    public async Task<ScaffoldedMigration> ReverseEngineerAsync(CancellationToken cancellationToken = default)
    {
        var declarations = Declarations();
        using var limit = WaitLimit(cancellationToken);
        await using var connection = await OpenAsync(limit.Token, cancellationToken).ConfigureAwait(false);
        var schema = await _dialect.ReadSchemaAsync(connection.Connection, cancellationToken).ConfigureAwait(false);
        return SchemaScaffolder.Scaffold(schema, declarations, t => !_options.History.IsRunnerTable(t));
    }

    /// <summary>
    /// The operations that take the schema the known migrations make (learnt in a scratch database, as
    /// for <see cref="GetDriftAsync"/>) to the database's schema: a new migration capturing changes
    /// made to the database by hand. Its Down takes them back. Empty when there is no difference.
    /// </summary>
    /// <param name="cancellationToken">Cancels the reading and the scratch run.</param>
    /// <exception cref="NotSupportedException">The dialect cannot declare its schema with operations, or cannot make a scratch database.</exception>
    public async Task<ScaffoldedMigration> DiffAsync(CancellationToken cancellationToken = default)
    {
        var declarations = Declarations();
        var migrations = _catalog.Value.Migrations;
        using var limit = WaitLimit(cancellationToken);
        await using var connection = await OpenAsync(limit.Token, cancellationToken).ConfigureAwait(false);
        var actual = await _dialect.ReadSchemaAsync(connection.Connection, cancellationToken).ConfigureAwait(false);
        var (expected, restated) = await ShadowSchema.CompareAsync(_dialect, _options, actual, migrations, cancellationToken).ConfigureAwait(false);
        return SchemaDiffer.Diff(expected, restated, declarations, t => !_options.History.IsRunnerTable(t));
    }

    private ISchemaDeclarations Declarations() => _dialect.Declarations
        ?? throw new NotSupportedException($"The {_dialect.Name} dialect cannot declare its schema with operations, so it cannot be reverse-engineered or compared into a migration.");
}
