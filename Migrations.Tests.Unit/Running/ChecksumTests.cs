using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Migrations.Building;
using Migrations.Operations;
using Migrations.Running;
using Migrations.Tests.Dialects;

namespace Migrations.Tests.Running;

/// <summary>
/// The checksum recorded in history must not move unless the migration does: these values are
/// pinned, so a library change that would flag every applied migration as edited fails here first.
/// </summary>
public sealed class ChecksumTests
{
    private const string Pinned = "4b14804e635739aca728bef8480413770d41975fa66266a370822fdcbbe73d5a";

    /// <summary>The same operations' checksum as versions that hashed seed values as text wrote it: history rows still carry it.</summary>
    private const string PinnedTextRows = "5124632b874a872727a26d30f674181bc3298ea3687ef25f8bc0d01a2fec1ba0";

    [TestCase("")]
    [TestCase("tr-TR")]
    [TestCase("de-DE")]
    [TestCase("ar-SA")]
    public void The_checksum_is_the_same_in_every_culture_and_pinned(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.That(1.5m.ToString(CultureInfo.CurrentCulture), Is.EqualTo(culture is "de-DE" or "tr-TR" ? "1,5" : culture is "ar-SA" ? "1٫5" : "1.5"), "the culture is in force");
            Assert.That(OperationChecksum.Compute(Operations()), Is.EqualTo(Pinned));
            Assert.That(OperationChecksum.ComputeTextRows(Operations()), Is.EqualTo(PinnedTextRows));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Test]
    public void Every_field_a_migration_sets_counts()
    {
        var variants = new Action<MigrationBuilder>[]
        {
            b => b.AddColumn("items", "note", c => c.String(40)),
            b => b.AddColumn("items", "note", c => c.String(41)),
            b => b.AddColumn("items", "note", c => c.String(40).NotNull().Default("")),
            b => b.AddColumn("items", "note", c => c.String(40).Default("")),
            b => b.AddColumn("items", "note", c => c.String(40), schema: "other"),
            b => b.AddColumn("items", "notes", c => c.String(40)),
            b => b.CreateIndex("items", "sku"),
            b => b.CreateIndex("items", "sku", concurrently: true),
            b => b.CreateIndex("items", "sku", unique: true),
            b => b.InsertData("items", ["sku"], ["a"]),
            b => b.InsertData("items", ["sku"], ["A"]),
            b => b.InsertData("items", ["sku"], [1L]),
            b => b.InsertData("items", ["sku"], [1]),
            b => b.InsertData("items", ["sku"], [(short)1]),
            b => b.InsertData("items", ["sku"], [1m]),
            b => b.InsertData("items", ["sku"], [1.0m]),
            b => b.InsertData("items", ["sku"], [1.0]),
            b => b.InsertData("items", ["sku"], [1f]),
            b => b.InsertData("items", ["sku"], ['1']),
            b => b.InsertData("items", ["sku"], new object?[] { null }),
            b => b.InsertData("items", ["sku"], [""]),
            b => b.InsertData("items", ["sku"], [true]),
            b => b.InsertData("items", ["sku"], [new byte[] { 1 }]),
            b => b.InsertData("items", ["sku"], [Guid.Empty]),
            b => b.InsertData("items", ["sku"], [new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc)]),
            b => b.InsertData("items", ["sku"], [new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Unspecified)]),
            b => b.InsertData("items", ["sku"], [new DateTime(2026, 1, 2, 3, 4, 5, 1, DateTimeKind.Utc)]),
            b => b.InsertData("items", ["sku"], [new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)]),
            b => b.InsertData("items", ["sku"], [new DateTimeOffset(2026, 1, 2, 4, 4, 5, TimeSpan.FromHours(1))]),
            b => b.InsertData("items", ["sku"], [new DateOnly(2026, 1, 2)]),
            b => b.InsertData("items", ["sku"], [new TimeOnly(3, 4, 5)]),
            b => b.InsertData("items", ["sku"], [TimeSpan.FromHours(3)]),
            b => b.InsertData("items", ["sku"], ["a"], ["b"]),
            b => b.InsertData("items", ["sku"], ["ab"]),
            b => b.InsertData("items", ["sku", "name"], ["a", "b"]),
            b => b.InsertData("items", ["name"], ["a"]),
        };

        Assert.That(variants.Select(v => OperationChecksum.Compute(Operations(v))).Distinct().Count(), Is.EqualTo(variants.Length));
    }

    [Test]
    public void The_json_from_build_time_metadata_is_the_json_reflection_writes()
    {
        var reflectionOnly = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ChecksumJson.Canonical } },
        };
        reflectionOnly.Converters.Add(new JsonStringEnumConverter());
        var operations = EveryKindOfOperation();
        Assert.That(operations.Select(o => o.GetType()).Distinct().Count(), Is.GreaterThanOrEqualTo(OperationExamples.OperationTypes().Count()), "every operation type is compared");
        foreach (var operation in operations)
        {
            Assert.That(OperationChecksum.Compute([operation]), Is.EqualTo(OperationChecksum.Compute([operation], reflectionOnly, textRows: false)), operation.Describe());
        }
    }

    [Test]
    public void The_operations_own_writer_writes_the_serializers_text()
    {
        // The checksum's JSON comes from CanonicalJson; the serializer with the same options is what it must equal.
        var operations = EveryKindOfOperation();
        foreach (var value in new object?[] { double.MaxValue, -0.0, 1e-300, float.MaxValue, (byte)7, 'x', "\u0001\u001f\ud83d\ude00</script>", new List<int> { 1, 2 }, new[] { "a", null }, (Mood)7, ReferentialAction.Cascade, new Uri("https://example.com/a?b=c") })
        {
            operations.Add(new UpdateDataOperation(new TableName("t", "s"), [new ColumnValue("c", value)], []));
        }

        operations.Add(new CreateTableOperation(new TableName("t"), [new ColumnDefinition("c", ColumnType.Int64) { IsNullable = false, Default = DefaultValue.Constant(0L) }]) { UniqueConstraints = [] });
        operations.Add(new CreateSequenceOperation(new TableName("s"), StartWith: 0, IncrementBy: -1));
        operations.Add(new TimeoutsOperation(TimeSpan.Zero, null));
        operations.Add(new OwnOperation("x", 3, [1, 2]));
        foreach (var operation in operations)
        {
            Assert.That(CanonicalJson.Write(operation), Is.EqualTo(JsonSerializer.Serialize(operation, operation.GetType(), ChecksumJson.Options)), operation.Describe());
        }
    }

    /// <summary>An operation type from outside the library: written by the serializer, as before.</summary>
    private sealed record OwnOperation(string Name, int Size, IReadOnlyList<int> Parts) : MigrationOperation
    {
        public override string Describe() => $"Own {Name}";
    }

    /// <summary>Every operation type, with every kind of value a data operation can hold.</summary>
    private static List<MigrationOperation> EveryKindOfOperation()
    {
        var values = new object?[] { 1, 2L, (short)3, 1.5f, 2.5d, 3.5m, true, "text <&>'\"é", Guid.Empty, new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(-3)), new DateOnly(2026, 1, 2), new TimeOnly(3, 4, 5), TimeSpan.FromMinutes(90), new byte[] { 1, 2 }, null, Mood.Sad };
        var b = new MigrationBuilder();
        b.CreateEnum<Mood>();
        b.CreateSequence("tickets", startWith: 10, incrementBy: 5);
        b.CreateTable("parents", t => t.Column("id", c => c.Guid().PrimaryKey()).Column("doc", c => c.Json()).Column("when", c => c.Date().Default(new DateOnly(2026, 1, 1))));
        b.CreateTable("children", t => t
            .Column("id", c => c.Int32().Identity().PrimaryKey())
            .Column("parent_id", c => c.Guid().References("parents", "id"))
            .Column("total", c => c.Decimal(12, 3).Check("total > 0").BackfillSql("1 + 2"))
            .Column("at", c => c.Time().Default(new TimeOnly(9, 0))));
        b.AlterColumn("children", "total", c => c.Type(ColumnType.Decimal(14, 3)).NotNull().DefaultSql("0"));
        b.RenameEnumValue("mood", "sad", "blue").DropEnumValue("mood", "blue").AddEnumValue("mood", "calm");
        b.Sql("SELECT 1").SafeRewrites(TimeSpan.FromSeconds(2)).Timeouts(statementTimeout: TimeSpan.FromMinutes(1));
        foreach (var value in values)
        {
            b.UpdateData("children", new { note = value }, new { id = 1 });
        }

        return Operations()
            .Concat(OperationExamples.Setup)
            .Concat(OperationExamples.ByType.Values.Select(e => e.Operation))
            .Concat(b.Operations)
            .Append(new AddForeignKeyOperation(new TableName("children"), new ForeignKeyConstraint("fk", ["parent_id"], new TableName("parents"), ["id"]) { OnDelete = ReferentialAction.Cascade, OnUpdate = ReferentialAction.SetNull }))
            .Append(new AlterColumnTypeOperation(new TableName("children"), "total", ColumnType.Decimal(14, 3)))
            .ToList();
    }

    private enum Mood
    {
        Happy,
        Sad,
    }

    [Test]
    public void Rows_from_a_sequence_and_the_same_rows_in_memory_have_one_checksum()
    {
        object?[][] rows = [[1L, "a", 1.25m], [2L, null, 0m]];
        var inMemory = new MigrationBuilder().InsertData("items", ["id", "sku", "price"], rows).Operations;
        var fromSequence = new MigrationBuilder().InsertData("items", ["id", "sku", "price"], rows.Select(r => r), schema: null).Operations;

        Assert.That(fromSequence[0], Is.TypeOf<InsertDataOperation>().And.Property("Rows").TypeOf<StreamedRows>(), "the sequence overload streams");
        Assert.That(OperationChecksum.Compute(fromSequence), Is.EqualTo(OperationChecksum.Compute(inMemory)));
        Assert.That(OperationChecksum.ComputeTextRows(fromSequence), Is.EqualTo(OperationChecksum.ComputeTextRows(inMemory)));
    }

    [Test]
    public void Rows_from_a_sequence_are_fingerprinted_on_their_first_read()
    {
        var reads = 0;
        IEnumerable<object?[]> Rows()
        {
            reads++;
            for (var i = 0; i < 1000; i++)
            {
                yield return [i, $"sku {i}"];
            }
        }

        var operations = new MigrationBuilder().InsertData("items", ["id", "sku"], Rows()).Operations;
        var insert = (InsertDataOperation)operations[0];
        Assert.That(insert.Rows.Count, Is.EqualTo(1000));
        var checksum = OperationChecksum.Compute(operations);

        Assert.That(reads, Is.EqualTo(1), "counted and fingerprinted in one read");
        Assert.That(checksum, Is.EqualTo(OperationChecksum.Compute(new MigrationBuilder().InsertData("items", ["id", "sku"], [.. Rows()]).Operations)));
    }

    [Test]
    public void A_long_text_value_is_fingerprinted_whole()
    {
        var longText = new string('x', 100_000);
        var a = OperationChecksum.Compute(new MigrationBuilder().InsertData("items", ["sku"], [longText]).Operations);
        var b = OperationChecksum.Compute(new MigrationBuilder().InsertData("items", ["sku"], [longText[..^1] + "y"]).Operations);

        Assert.That(a, Is.Not.EqualTo(b));
    }

    private static IReadOnlyList<MigrationOperation> Operations(Action<MigrationBuilder>? extra = null)
    {
        var b = new MigrationBuilder();
        b.CreateEnum("mood", "happy", "sad");
        b.CreateTable("items", t => t
            .Column("id", c => c.Int64().Identity().PrimaryKey())
            .Column("sku", c => c.String(40).NotNull().Unique())
            .Column("price", c => c.Decimal(10, 2).Default(1.5m))
            .Column("seen", c => c.TimestampTz().DefaultSql("now()"))
            .Column("mood", c => c.Enum("mood"))
            .Check("ck_price", "price >= 0"));
        b.CreateIndex("items", ["sku", "price"], unique: true, name: "ix_items");
        b.Timeouts(lockTimeout: TimeSpan.FromSeconds(5));
        b.InsertData("items", ["sku", "price", "seen"], ["a", 1.25m, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2))], ["b", null, null]);
        b.UpdateData("items", new { price = 2.5 }, new { sku = "a" });
        if (extra is null)
        {
            b.AddColumn("items", "note", c => c.String(40));
            b.CreateIndex("items", "sku");
            b.InsertData("items", ["sku"], ["a"]);
        }
        else
        {
            extra(b);
        }

        return b.Operations;
    }
}
