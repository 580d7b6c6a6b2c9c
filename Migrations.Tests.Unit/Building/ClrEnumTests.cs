using System.Runtime.Serialization;
using Migrations.Building;
using Migrations.Operations;

namespace Migrations.Tests.Building;

public class ClrEnumTests
{
    public enum HTTPStatusKind
    {
        Informational = 1,
        ClientError = 4,
        [EnumMember(Value = "5xx")]
        ServerError = 5,
        Success2xx = 2,
    }

    [PgName("account_state")]
    public enum State
    {
        [PgName("on")]
        Active,
        Closed,
    }

    [Test]
    public void An_enum_type_and_its_labels_are_snake_case_in_order_of_value_unless_named()
    {
        var m = new MigrationBuilder().CreateEnum<HTTPStatusKind>().CreateEnum<State>(schema: "billing");

        var (status, state) = ((CreateEnumOperation)m.Operations[0], (CreateEnumOperation)m.Operations[1]);
        Assert.That(status.Type, Is.EqualTo(new TableName("http_status_kind")));
        Assert.That(status.Values, Is.EqualTo(new[] { "informational", "success2xx", "client_error", "5xx" }));
        Assert.That(status.ClrType, Is.EqualTo(typeof(HTTPStatusKind)));
        Assert.That(state.Type, Is.EqualTo(new TableName("account_state", "billing")), "[PgName] as Npgsql's, found by name");
        Assert.That(state.Values, Is.EqualTo(new[] { "on", "closed" }));
    }

    [Test]
    public void A_column_of_the_enum_names_its_type_and_takes_a_member_as_its_default()
    {
        var m = new MigrationBuilder()
            .CreateTable("accounts", t => t.Column("state", c => c.Enum<State>().NotNull().Default(State.Active)))
            .AddColumn("accounts", "kind", c => c.Enum<HTTPStatusKind>("status").Default(HTTPStatusKind.ServerError).Backfill(HTTPStatusKind.ClientError))
            .AddColumn("accounts", "count", c => c.Int32().Default(HTTPStatusKind.ClientError));

        var state = ((CreateTableOperation)m.Operations[0]).Columns.Single();
        var kind = (AddColumnOperation)m.Operations[1];
        Assert.That(state.Type, Is.EqualTo(ColumnType.Enum("account_state")));
        Assert.That(state.Default!.Value, Is.EqualTo("on"));
        Assert.That(kind.Column.Type, Is.EqualTo(ColumnType.Enum("status")));
        Assert.That(kind.Column.Default!.Value, Is.EqualTo("5xx"));
        Assert.That(kind.Backfill!.Value, Is.EqualTo("client_error"));
        Assert.That(((AddColumnOperation)m.Operations[2]).Column.Default!.Value, Is.EqualTo(HTTPStatusKind.ClientError), "an integer column keeps the member, sent as its number");
    }
}

/// <summary>Stands in for Npgsql's attribute of the same name, which is recognised without a reference to Npgsql.</summary>
[AttributeUsage(AttributeTargets.Enum | AttributeTargets.Field)]
public sealed class PgNameAttribute(string pgName) : Attribute
{
    public string PgName { get; } = pgName;
}
