using Migrations.Dialects;
using Migrations.Running;

namespace Migrations.Tests.Dialects;

/// <summary>Scripts for databases not at hand: from a given version, and (where the SQL allows) idempotent.</summary>
public abstract partial class DialectSuite
{
    [Test]
    public async Task A_script_from_a_version_takes_a_database_at_that_version_to_the_latest()
    {
        var script = await WithRunnerAsync(r => r.ScriptFromAsync(Library.Version), typeof(Library), typeof(Reshelve));
        await MigrateAsync(typeof(Library));

        Execute(script);

        var status = await WithRunnerAsync(r => r.GetStatusAsync(), typeof(Library), typeof(Reshelve));
        Assert.That(script, Does.Not.Contain("CREATE TABLE \"" + DefaultSchema + "\".\"books\"").And.Contain("\"volumes\""));
        Assert.That(status.Pending, Is.Empty);
        Assert.That(status.Changed, Is.Empty, "the script's history row carries the runner's checksum");
        Assert.That(Rows("SELECT name, pages FROM volumes ORDER BY id").Select(r => $"{r[0]} {r[1]}"), Is.EqualTo(new[] { "Dune 100", "Emma 100" }));
    }

    [Test]
    public async Task An_idempotent_script_serves_databases_at_any_version_or_is_refused_where_sql_cannot_branch()
    {
        var dialect = await CreateDialectAsync();
        var conditional = dialect is IConditionalScripts;
        await DisposeAsync(dialect);
        if (!conditional)
        {
            var refused = Assert.ThrowsAsync<MigrationValidationException>(() => WithRunnerAsync(r => r.ScriptFromAsync(0, idempotent: true), typeof(Library), typeof(Reshelve)));
            Assert.That(refused!.Problems.Single(), Does.StartWith("DuckDB's SQL has no conditional statements, so a script cannot skip the migrations a database already has."));
            return;
        }

        var script = await WithRunnerAsync(r => r.ScriptFromAsync(0, idempotent: true), typeof(Library), typeof(Reshelve));
        await MigrateAsync(typeof(Library));
        Execute(script);
        Execute(script);

        var status = await WithRunnerAsync(r => r.GetStatusAsync(), typeof(Library), typeof(Reshelve));
        Assert.That(status.Pending, Is.Empty);
        Assert.That(status.Changed, Is.Empty);
        Assert.That(Rows("SELECT version FROM __migrations_history ORDER BY version").Select(r => Long(r[0])), Is.EqualTo(new[] { 1L, 2L }));
        Assert.That(Long(Scalar("SELECT count(*) FROM volumes")), Is.EqualTo(2L), "Library's rows were not loaded twice");
    }
}
