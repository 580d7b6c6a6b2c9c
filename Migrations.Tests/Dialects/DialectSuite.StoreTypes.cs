using Migrations.Building;
using Migrations.Operations;

namespace Migrations.Tests.Dialects;

/// <summary>
/// Reading a schema back into declarations (the dialect's ISchemaDeclarations, used by scaffold and
/// diff): every column type the database reports maps to a portable type that makes the same column type again.
/// </summary>
public abstract partial class DialectSuite
{
    private static readonly AsyncLocal<IReadOnlyList<ColumnDefinition>> CopiedColumns = new();

    [Test]
    public async Task Every_column_type_read_back_declares_the_same_type_again()
    {
        await MigrateAsync(typeof(AllTypes));
        var model = await ReadSchemaAsync();
        var table = model.Tables.Single(t => t.Name.Name == "all_types");
        var dialect = await CreateDialectAsync();
        IReadOnlyList<ColumnDefinition> declared;
        try
        {
            declared = table.Columns.Select(c => dialect.Declarations!.DeclareColumn(table, c, model)).ToArray();
        }
        finally
        {
            await DisposeAsync(dialect);
        }

        CopiedColumns.Value = declared;
        await MigrateAsync(typeof(AllTypes), typeof(AllTypesCopied));

        var copy = (await ReadSchemaAsync()).Tables.Single(t => t.Name.Name == "all_types_copy");
        Assert.That(copy.Columns.Select(c => $"{c.Name} {c.StoreType}"), Is.EqualTo(table.Columns.Select(c => $"{c.Name} {c.StoreType}")));
        Assert.That(declared.Where(d => d.Type.Kind == ColumnTypeKind.Custom).Select(d => d.Type.ToString()), Is.Empty, "every portable type has its name back");
        Assert.That(declared.Single(d => d.Name == "tint").Type, Is.EqualTo(ColumnType.Enum("tint")));
    }

    [Migration(1, "All types")]
    internal sealed class AllTypes : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateEnum("tint", "red", "green")
            .CreateTable("all_types", t => t
                .Column("flag", c => c.Boolean())
                .Column("small", c => c.Int16())
                .Column("medium", c => c.Int32())
                .Column("large", c => c.Int64())
                .Column("single", c => c.Float32())
                .Column("double", c => c.Float64())
                .Column("body", c => c.Text())
                .Column("code", c => c.String(40))
                .Column("amount", c => c.Decimal(10, 2))
                .Column("day", c => c.Date())
                .Column("clock", c => c.Time())
                .Column("local", c => c.Timestamp())
                .Column("instant", c => c.TimestampTz())
                .Column("id", c => c.Guid())
                .Column("bytes", c => c.Binary())
                .Column("document", c => c.Json())
                .Column("tint", c => c.Enum("tint")));
    }

    [Migration(2, "All types copied")]
    internal sealed class AllTypesCopied : Migration
    {
        public override void Up(MigrationBuilder m) => m.Add(new CreateTableOperation(new TableName("all_types_copy"), CopiedColumns.Value!));

        public override void Down(MigrationBuilder m) => m.DropTable("all_types_copy");
    }
}
