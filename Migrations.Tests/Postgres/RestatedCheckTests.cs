using Migrations.Building;

namespace Migrations.Tests.Postgres;

/// <summary>
/// PostgreSQL keeps a check as a parse tree and prints it back in its own words, and printing is not
/// a fixed point: <c>kind IN ('home', 'work')</c> on a varchar column comes back as one expression,
/// and that expression, declared again, comes back as another. A migration reverse-engineered from
/// such a database declares the first form; comparing schemas must still see the same check.
/// </summary>
public class RestatedCheckTests : PostgresTests
{
    /// <summary>The check as PostgreSQL printed it for the hand-made table, as scaffold writes it.</summary>
    [Migration(1, "Addresses as reverse-engineered")]
    public sealed class Addresses : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("addresses", t => t
            .Column("kind", c => c.String(10).NotNull())
            .Check("ck_addresses_kind", "((kind)::text = ANY ((ARRAY['home'::character varying, 'work'::character varying])::text[]))"));
    }

    [Test]
    public async Task A_check_printed_differently_after_a_second_declaration_is_no_drift_and_baselines()
    {
        Execute("CREATE TABLE addresses (kind varchar(10) NOT NULL, CONSTRAINT ck_addresses_kind CHECK (kind IN ('home', 'work')))");

        var recorded = await Runner(typeof(Addresses)).BaselineAsync(1);
        var drift = await Runner(typeof(Addresses)).GetDriftAsync();
        var diff = await Runner(typeof(Addresses)).DiffAsync();

        Assert.That(recorded.Select(m => m.Version), Is.EqualTo(new[] { 1L }));
        Assert.That(HistoryVersions(), Is.EqualTo(new[] { 1L }));
        Assert.That(drift.IsClean, drift.ToString());
        Assert.That(diff.IsEmpty, string.Join("\n", diff.Up.Select(o => o.Describe())));
    }

    [Test]
    public async Task A_check_that_really_differs_is_still_drift()
    {
        Execute("CREATE TABLE addresses (kind varchar(10) NOT NULL, CONSTRAINT ck_addresses_kind CHECK (kind IN ('home', 'work', 'other')))");

        var refused = Assert.ThrowsAsync<global::Migrations.Running.MigrationValidationException>(() => Runner(typeof(Addresses)).BaselineAsync(1));

        Assert.That(refused!.Problems, Has.Some.StartsWith("changed: check ck_addresses_kind on public.addresses"));
        Assert.That(HistoryVersions(), Is.Empty);
    }
}
