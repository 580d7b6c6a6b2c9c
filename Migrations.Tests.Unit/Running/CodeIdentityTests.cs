using Migrations.Building;
using Migrations.DuckDb;
using Migrations.Postgres;
using Migrations.Running;

namespace Migrations.Tests.Running;

/// <summary>What decides whether a start may trust an earlier comparison of checksums with the history.</summary>
public sealed class CodeIdentityTests
{
    [Test]
    public async Task The_same_code_has_the_same_identity_and_any_other_mapping_or_dialect_another()
    {
        var duckDb = new DuckDbDialect("Data Source=:memory:?cache=shared");
        await using var postgres = new PostgresDialect("Host=localhost");
        MigrationInfo[] first = [new(1, "First", typeof(First)), new(2, "Second", typeof(Second))];
        MigrationInfo[] swapped = [new(1, "First", typeof(Second)), new(2, "Second", typeof(First))];

        var identity = CodeIdentity.Of(first, duckDb);

        Assert.That(identity, Has.Length.EqualTo(32));
        Assert.That(CodeIdentity.Of([.. first], duckDb), Is.EqualTo(identity));
        Assert.That(CodeIdentity.Of(swapped, duckDb), Is.Not.EqualTo(identity), "a version now maps to another class");
        Assert.That(CodeIdentity.Of(first[..1], duckDb), Is.Not.EqualTo(identity), "a migration less");
        Assert.That(CodeIdentity.Of(first, postgres), Is.Not.EqualTo(identity), "another dialect records other operations");
    }

    private sealed class First : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("a", t => t.Column("id", c => c.Int64()));
    }

    private sealed class Second : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("b", t => t.Column("id", c => c.Int64()));
    }
}
