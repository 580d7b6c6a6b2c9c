using Migrations.Building;
using Migrations.Operations;
using Migrations.Running;
using Migrations.Schema;

namespace Migrations.Tests.Dialects;

/// <summary>
/// Every operation type is complete on every dialect: it has SQL, the model follows it, the
/// database then reads back the schema the model says, and it has an inverse (checked by going
/// back) or is marked as needing an explicit Down.
/// </summary>
public abstract partial class DialectSuite
{
    private static readonly AsyncLocal<MigrationOperation?> ExampleOperation = new();

    /// <summary>The dialect's naming and type conventions, which the model is advanced with.</summary>
    private protected abstract ISchemaConventions Conventions { get; }

    public static IEnumerable<TestCaseData> OperationTypes() =>
        OperationExamples.OperationTypes().Select(t => new TestCaseData(t).SetName($"{{m}}({t.Name})"));

    [TestCaseSource(nameof(OperationTypes))]
    public async Task Every_operation_renders_advances_the_model_reads_back_the_same_and_can_be_undone(Type operationType)
    {
        Assert.That(OperationExamples.ByType.TryGetValue(operationType, out var example), Is.True,
            $"{operationType.Name} has no example in OperationExamples: add one, then make every dialect render it, the model follow it and the schema readers see it.");
        ExampleOperation.Value = example!.Operation;
        await MigrateAsync(typeof(ExampleSetup));
        var before = await ReadSchemaAsync();

        var simulated = before.Apply(example.Operation, Conventions);
        Assert.That(simulated is null, Is.EqualTo(example.Effect == ModelEffect.ReadFromDatabase), $"the model follows {operationType.Name}");

        await MigrateAsync(typeof(ExampleSetup), typeof(ExampleChange));
        var after = await ReadSchemaAsync();
        Assert.That(Rows("SELECT version FROM __migrations_history ORDER BY version").Count, Is.EqualTo(2), "the change was applied");
        if (simulated is not null)
        {
            Assert.That(SchemaText.Differences(Lines(simulated), Lines(after)), Is.Empty, $"the database after {example.Operation.Describe()} is what the model says");
        }

        var inverse = OperationInverter.Invert(example.Operation);
        Assert.That(inverse is null, Is.EqualTo(example.NeedsDown), inverse is null
            ? $"{operationType.Name} has no inverse: mark its example NeedsDown, or teach OperationInverter"
            : $"{operationType.Name} has an inverse: its example should not say NeedsDown");
        if (inverse is not null)
        {
            var dialect = await CreateDialectAsync();
            try
            {
                await new MigrationRunner(dialect, new MigrationRunnerOptions().Add(typeof(ExampleSetup), typeof(ExampleChange))).MigrateToAsync(1);
            }
            finally
            {
                await DisposeAsync(dialect);
            }

            Assert.That(SchemaText.Differences(Lines(before), Lines(await ReadSchemaAsync())), Is.Empty, "Down brings the schema back");
        }
    }

    [Test]
    public async Task Every_operation_example_is_planned_into_sql()
    {
        await MigrateAsync(typeof(ExampleSetup));
        var dialect = await CreateDialectAsync();
        try
        {
            await using var connection = await dialect.OpenAsync(CancellationToken.None);
            foreach (var example in OperationExamples.ByType.Values.Where(e => e.Operation is not (TimeoutsOperation or SafeRewritesOperation)))
            {
                var plan = await dialect.CreatePlanner(connection.Connection, Migrations.Dialects.PlanningContext.None).PlanAsync([example.Operation], CancellationToken.None);
                Assert.That(plan.Steps.Where(s => !s.Sql.StartsWith("--", StringComparison.Ordinal)), Is.Not.Empty, $"{example} has SQL on {dialect.Name}");
            }
        }
        finally
        {
            await DisposeAsync(dialect);
        }
    }

    /// <summary>The schema's lines; a check reads the same whether or not the database wrapped it in parentheses.</summary>
    private static IReadOnlyList<string> Lines(SchemaModel model) =>
        SchemaText.Lines(model with
        {
            Tables = model.Tables.Select(t => t with { CheckConstraints = t.CheckConstraints.Select(c => c with { Expression = Unwrapped(c.Expression) }).ToArray() }).ToArray(),
        }, t => !t.Name.StartsWith("__migrations", StringComparison.Ordinal));

    private static string Unwrapped(string expression) =>
        expression.StartsWith('(') && expression.EndsWith(')') ? expression[1..^1] : expression;

    [Migration(1, "Example setup")]
    private sealed class ExampleSetup : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            foreach (var operation in OperationExamples.Setup)
            {
                m.Add(operation);
            }
        }
    }

    [Migration(2, "Example change")]
    private sealed class ExampleChange : Migration
    {
        public override void Up(MigrationBuilder m) => m.Add(ExampleOperation.Value ?? throw new InvalidOperationException("No example is running."));
    }
}
