using Migrations.Building;
using Migrations.Running;
using Migrations.Tests.Support;

namespace Migrations.Tests.Running;

/// <summary>
/// A run with many pending migrations compiles their code ahead on another thread; the migrations'
/// own code still runs once each, in version order, on one thread.
/// </summary>
public sealed class ManyPendingMigrationsTests : DuckDbFileTests
{
    private static readonly Type[] Numbered =
    [
        typeof(N01), typeof(N02), typeof(N03), typeof(N04), typeof(N05), typeof(N06), typeof(N07), typeof(N08), typeof(N09), typeof(N10),
        typeof(N11), typeof(N12), typeof(N13), typeof(N14), typeof(N15), typeof(N16), typeof(N17), typeof(N18), typeof(N19), typeof(N20),
        typeof(N21), typeof(N22), typeof(N23), typeof(N24), typeof(N25), typeof(N26), typeof(N27), typeof(N28), typeof(N29), typeof(N30),
        typeof(N31), typeof(N32), typeof(N33), typeof(N34), typeof(N35), typeof(N36), typeof(N37), typeof(N38), typeof(N39), typeof(N40),
    ];

    [Test]
    public async Task Forty_pending_migrations_each_record_once_in_order_on_one_thread_and_all_apply()
    {
        NumberedMigration.Calls.Clear();

        var result = await Db.Runner(Numbered).MigrateAsync();

        Assert.That(result.Applied.Select(a => a.Version), Is.EqualTo(Enumerable.Range(1, 40).Select(v => (long)v)));
        Assert.That(NumberedMigration.Calls.Select(c => c.Version), Is.EqualTo(Enumerable.Range(1, 40).Select(v => (long)v)), "each Up ran once, oldest first");
        Assert.That(NumberedMigration.Calls.Select(c => c.Thread).Distinct().Count(), Is.EqualTo(1), "on one thread");
        Assert.That(Db.HistoryVersions(), Is.EqualTo(Enumerable.Range(1, 40).Select(v => (long)v)));
        Assert.That(Db.Rows("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'n%' ORDER BY table_name").Select(r => r[0]),
            Is.EqualTo(Enumerable.Range(1, 40).Select(v => $"n{v:00}")));
        Assert.That(Db.Scalar("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'n40' AND column_name = 'label'"), Is.EqualTo(1L), "lambdas and local functions in Up ran");
    }

    [Test]
    public void A_problem_in_one_of_forty_is_reported_with_its_migration_before_any_sql()
    {
        NumberedMigration.Calls.Clear();

        var error = Assert.ThrowsAsync<MigrationValidationException>(() => Db.Runner([.. Numbered, typeof(N41Broken)]).MigrateAsync());

        Assert.That(error!.Problems, Is.EqualTo(new[] { "Migration 41 N41Broken \"Broken\": Up threw InvalidOperationException while recording its operations: broken on purpose" }));
        Assert.That(Db.Scalar("SELECT count(*) FROM duckdb_tables()"), Is.EqualTo(0L), "nothing ran");
    }

    /// <summary>Each numbered migration makes its table in a lambda and names a column in a local function, as migrations are written.</summary>
    internal abstract class NumberedMigration : Migration
    {
        public static readonly List<(long Version, int Thread)> Calls = [];

        protected void Record(MigrationBuilder m, Func<string, string> column)
        {
            var version = long.Parse(GetType().Name[1..], System.Globalization.CultureInfo.InvariantCulture);
            lock (Calls)
            {
                Calls.Add((version, Environment.CurrentManagedThreadId));
            }

            m.CreateTable(GetType().Name.ToLowerInvariant(), t => t.Column("id", c => c.Int64().PrimaryKey()).Column(column("label"), c => c.Text()));
        }
    }

#pragma warning disable SA1402, SA1649 // Forty one-line migrations read best together.
    [Migration(1, "N")] internal sealed class N01 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(2, "N")] internal sealed class N02 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(3, "N")] internal sealed class N03 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(4, "N")] internal sealed class N04 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(5, "N")] internal sealed class N05 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(6, "N")] internal sealed class N06 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(7, "N")] internal sealed class N07 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(8, "N")] internal sealed class N08 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(9, "N")] internal sealed class N09 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(10, "N")] internal sealed class N10 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(11, "N")] internal sealed class N11 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(12, "N")] internal sealed class N12 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(13, "N")] internal sealed class N13 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(14, "N")] internal sealed class N14 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(15, "N")] internal sealed class N15 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(16, "N")] internal sealed class N16 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(17, "N")] internal sealed class N17 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(18, "N")] internal sealed class N18 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(19, "N")] internal sealed class N19 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(20, "N")] internal sealed class N20 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(21, "N")] internal sealed class N21 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(22, "N")] internal sealed class N22 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(23, "N")] internal sealed class N23 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(24, "N")] internal sealed class N24 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(25, "N")] internal sealed class N25 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(26, "N")] internal sealed class N26 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(27, "N")] internal sealed class N27 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(28, "N")] internal sealed class N28 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(29, "N")] internal sealed class N29 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(30, "N")] internal sealed class N30 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(31, "N")] internal sealed class N31 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(32, "N")] internal sealed class N32 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(33, "N")] internal sealed class N33 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(34, "N")] internal sealed class N34 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(35, "N")] internal sealed class N35 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(36, "N")] internal sealed class N36 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(37, "N")] internal sealed class N37 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(38, "N")] internal sealed class N38 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }
    [Migration(39, "N")] internal sealed class N39 : NumberedMigration { public override void Up(MigrationBuilder m) => Record(m, n => n); }

    [Migration(40, "N")]
    internal sealed class N40 : NumberedMigration
    {
        public override void Up(MigrationBuilder m)
        {
            Record(m, Named);

            static string Named(string name) => name;
        }
    }
#pragma warning restore SA1402, SA1649

    [Migration(41, "Broken")]
    internal sealed class N41Broken : Migration
    {
        public override void Up(MigrationBuilder m) => throw new InvalidOperationException("broken on purpose");
    }
}
