using Migrations.DuckDb.Client;
using Migrations.Tests.Support;

namespace Migrations.Tests.DuckDb.Client;

public class DuckDbClientTests : DuckDbFileTests
{
    [Test]
    public void Parameters_round_trip_every_common_type()
    {
        Db.Execute("""
            CREATE TABLE v (b BOOLEAN, i16 SMALLINT, i32 INTEGER, i64 BIGINT, f32 FLOAT, f64 DOUBLE, d DECIMAL(18,4),
                            s VARCHAR, day DATE, t TIME, ts TIMESTAMP, tz TIMESTAMPTZ, g UUID, bytes BLOB)
            """);
        var guid = Guid.NewGuid();
        var stamp = new DateTime(2024, 2, 29, 13, 45, 12, 123).AddTicks(4560);
        var instant = new DateTime(2021, 10, 3, 7, 0, 0, DateTimeKind.Utc);
        var longText = "a text longer than twelve bytes, with 'quotes' and ünïcödé";
        Db.Execute("INSERT INTO v VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
            true, (short)-7, 123456, 9_000_000_000L, 1.5f, Math.PI, -12345678901234.5678m, longText,
            new DateOnly(1999, 12, 31), new TimeOnly(23, 59, 58), stamp, instant, guid, new byte[] { 0, 1, 2, 255 });

        var row = Db.Rows("SELECT * FROM v").Single();
        Assert.Multiple(() =>
        {
            Assert.That(row[0], Is.EqualTo(true));
            Assert.That(row[1], Is.EqualTo((short)-7));
            Assert.That(row[2], Is.EqualTo(123456));
            Assert.That(row[3], Is.EqualTo(9_000_000_000L));
            Assert.That(row[4], Is.EqualTo(1.5f));
            Assert.That(row[5], Is.EqualTo(Math.PI));
            Assert.That(row[6], Is.EqualTo(-12345678901234.5678m));
            Assert.That(row[7], Is.EqualTo(longText));
            Assert.That(row[8], Is.EqualTo(new DateOnly(1999, 12, 31)));
            Assert.That(row[9], Is.EqualTo(new TimeOnly(23, 59, 58)));
            Assert.That(row[10], Is.EqualTo(stamp));
            Assert.That(row[11], Is.EqualTo(instant));
            Assert.That(((DateTime)row[11]!).Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(row[12], Is.EqualTo(guid));
            Assert.That(row[13], Is.EqualTo(new byte[] { 0, 1, 2, 255 }));
        });
    }

    [Test]
    public void Reads_nulls_lists_enums_and_wide_integers()
    {
        var row = Db.Rows("SELECT NULL::INTEGER, [1, 2, NULL], 'b'::ENUM('a', 'b'), 170141183460469231731687303715884105727::HUGEINT, 'short'").Single();
        Assert.That(row[0], Is.Null);
        Assert.That(row[1], Is.EqualTo(new object?[] { 1, 2, null }));
        Assert.That(row[2], Is.EqualTo("b"));
        Assert.That(row[3], Is.EqualTo(Int128.MaxValue));
        Assert.That(row[4], Is.EqualTo("short"));
    }

    [Test]
    public void Reads_results_larger_than_one_chunk()
    {
        var sum = Db.Rows("SELECT range FROM range(10000)").Sum(r => (long)r[0]!);
        Assert.That(sum, Is.EqualTo(49_995_000L));
    }

    [Test]
    public void Named_parameters_bind_by_name()
    {
        using var connection = Db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $first || '-' || $second";
        command.Parameters.AddWithValue("second", "two");
        command.Parameters.AddWithValue("first", "one");
        Assert.That(command.ExecuteScalar(), Is.EqualTo("one-two"));
    }

    [Test]
    public void Errors_carry_duckdbs_message()
    {
        var error = Assert.Throws<DuckDbException>(() => Db.Execute("SELECT * FROM missing_table"));
        Assert.That(error!.Message, Does.Contain("Catalog Error").And.Contain("missing_table"));
    }

    [Test]
    public void Rollback_discards_and_commit_keeps()
    {
        Db.Execute("CREATE TABLE t (a INTEGER)");
        using var connection = Db.Open();
        using (var transaction = connection.BeginTransaction())
        {
            Exec(connection, "INSERT INTO t VALUES (1)");
            transaction.Rollback();
        }

        using (var transaction = connection.BeginTransaction())
        {
            Exec(connection, "INSERT INTO t VALUES (2)");
            transaction.Commit();
        }

        Assert.That(Db.Rows("SELECT a FROM t").Select(r => r[0]), Is.EqualTo(new object[] { 2 }));
    }

    [Test]
    public void A_failed_commit_throws_and_keeps_nothing()
    {
        // DuckDB lets UPDATE then ALTER of one table run, then refuses the COMMIT.
        Db.Execute("CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1)");
        using var connection = Db.Open();
        var transaction = connection.BeginTransaction();
        Exec(connection, "UPDATE t SET a = 2");
        Exec(connection, "ALTER TABLE t ADD COLUMN b INTEGER");
        Assert.Throws<DuckDbException>(transaction.Commit);

        Assert.That(Db.Rows("SELECT * FROM t").Single(), Is.EqualTo(new object[] { 1 }));
        Exec(connection, "INSERT INTO t VALUES (3)"); // the connection is usable again, outside any transaction
        Assert.That(Db.Count("t"), Is.EqualTo(2));
    }

    [Test]
    public void Connections_to_one_file_share_one_database_instance()
    {
        Db.Execute("CREATE TABLE t (a INTEGER)");
        using var first = Db.Open();
        using var second = Db.Open();
        Exec(first, "INSERT INTO t VALUES (42)");
        using var command = second.CreateCommand();
        command.CommandText = "SELECT a FROM t";
        Assert.That(command.ExecuteScalar(), Is.EqualTo(42));
    }

    [Test]
    public void Appender_bulk_inserts_rows()
    {
        Db.Execute("CREATE TABLE people (id BIGINT, name VARCHAR, born DATE, balance DECIMAL(10,2), ref UUID)");
        var guid = Guid.NewGuid();
        using (var connection = Db.Open())
        using (var appender = connection.CreateAppender("people"))
        {
            for (var i = 0; i < 3000; i++)
            {
                appender.AppendRow((long)i, $"person {i}", new DateOnly(2000, 1, 1).AddDays(i), 10.25m, guid);
            }
        }

        Assert.That(Db.Count("people"), Is.EqualTo(3000));
        Assert.That(Db.Rows("SELECT name, born, balance, ref FROM people WHERE id = 2999").Single(),
            Is.EqualTo(new object[] { "person 2999", new DateOnly(2000, 1, 1).AddDays(2999), 10.25m, guid }));
    }

    [Test]
    public void Cancellation_interrupts_a_running_query()
    {
        using var connection = Db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM range(1000000000) a, range(1000) b WHERE a.range + b.range = -1";
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var started = DateTime.UtcNow;
        Assert.ThrowsAsync<DuckDbException>(() => command.ExecuteScalarAsync(cancel.Token));
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(20)));
    }

    private static void Exec(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
