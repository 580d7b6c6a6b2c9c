using Migrations.Building;
using Migrations.Running;

namespace Migrations.Tests.Dialects;

/// <summary>Every input of <see cref="BadInputSweep"/>, with how each was refused counted and written to the test output.</summary>
public abstract partial class DialectSuite
{
    [Test]
    public async Task Every_bad_input_is_refused_before_any_sql_or_explained_and_none_changes_the_database()
    {
        await MigrateAsync(typeof(People));
        var before = State();
        var outcomes = new List<(string Case, string Outcome, string Message)>();
        foreach (var (name, up) in BadInputSweep.Cases)
        {
            SweepCase.Current.Value = up;
            var outcome = "accepted";
            var message = "";
            try
            {
                await MigrateAsync(typeof(People), typeof(SweepCase));
            }
            catch (MigrationValidationException e)
            {
                (outcome, message) = ("refused before any SQL", e.Message);
            }
            catch (MigrationException e)
            {
                (outcome, message) = (e.Explanation is null ? "database error, migration named" : "database error explained", e.Message);
            }
#pragma warning disable CA1031 // Whatever escapes is what this test counts.
            catch (Exception e)
#pragma warning restore CA1031
            {
                (outcome, message) = ($"{e.GetType().Name} without the migration", e.Message);
            }

            outcomes.Add((name, outcome, message));
            if (outcome == "accepted")
            {
                // Counted below; forgotten here so that the cases after it still run.
                Execute("DELETE FROM __migrations_history WHERE version = 21");
                before = State();
                continue;
            }

            Assert.That(State(), Is.EqualTo(before), $"{name}: the database changed ({outcome}: {message})");
        }

        foreach (var group in outcomes.GroupBy(o => o.Outcome))
        {
            await TestContext.Out.WriteLineAsync($"{group.Key}: {group.Count()} of {outcomes.Count}");
        }

        foreach (var (name, outcome, message) in outcomes.Where(o => o.Outcome != "refused before any SQL"))
        {
            await TestContext.Out.WriteLineAsync($"  {name} -> {outcome}: {message.Split('\n')[0]}");
        }

        Assert.That(outcomes.Where(o => o.Outcome == "accepted").Select(o => o.Case), Is.EquivalentTo(AcceptedByDesign.Keys), "accepted silently");
        Assert.That(outcomes.Where(o => o.Outcome.EndsWith("without the migration", StringComparison.Ordinal)).Select(o => $"{o.Case}: {o.Message}"), Is.Empty, "errors that do not name the migration");
        Assert.That(outcomes.Where(o => o.Outcome is not ("refused before any SQL" or "accepted")).All(o => o.Message.Contains("Migration 21 SweepCase", StringComparison.Ordinal)), Is.True);
        var answered = outcomes.Count(o => o.Outcome is "refused before any SQL" or "database error explained");
        Assert.That(answered, Is.GreaterThanOrEqualTo(outcomes.Count * 9 / 10), "at least 90% refused before any SQL or explained");
    }

    /// <summary>Sweep cases this database accepts because it truly works that way, with the reason (documented in the README).</summary>
    protected virtual IReadOnlyDictionary<string, string> AcceptedByDesign { get; } = new Dictionary<string, string>();

    private string State() =>
        string.Join("\n", Rows("SELECT id, email, nick, team_id, age, CAST(mood AS VARCHAR) FROM people ORDER BY id").Select(r => string.Join("|", r))) + "\n" +
        string.Join(",", Rows("SELECT version FROM __migrations_history ORDER BY version").Select(r => r[0])) + "\n" +
        string.Join(",", Rows($"SELECT table_name FROM information_schema.tables WHERE table_schema = '{DefaultSchema}' ORDER BY table_name").Select(r => r[0])) + "\n" +
        string.Join(",", Rows($"SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = '{DefaultSchema}' ORDER BY table_name, column_name").Select(r => $"{r[0]}.{r[1]}"));

    [Migration(21, "Sweep case")]
    internal sealed class SweepCase : Migration
    {
        /// <summary>The case under test; flows with the test's async calls, so fixtures running side by side do not mix.</summary>
        public static readonly AsyncLocal<Action<MigrationBuilder>?> Current = new();

        public override void Up(MigrationBuilder m) => (Current.Value ?? throw new InvalidOperationException("No sweep case is set."))(m);
    }
}
