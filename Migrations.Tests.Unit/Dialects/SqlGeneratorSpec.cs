using Migrations.Operations;

namespace Migrations.Tests.Dialects;

/// <summary>
/// What each dialect's generator writes for one example of every operation type, without a
/// database: a spec every dialect answers in full. An operation type without an answer fails, so
/// a new operation cannot be left out of a dialect; null answers "no statement of its own: the
/// planner makes the change (for example by a rebuild)".
/// </summary>
public abstract class SqlGeneratorSpec
{
    /// <summary>The dialect's statements for each example, by operation type name.</summary>
    protected abstract IReadOnlyDictionary<string, string[]?> Expected { get; }

    /// <summary>The dialect's generator.</summary>
    protected abstract IEnumerable<string> Generate(MigrationOperation operation);

    public static IEnumerable<TestCaseData> OperationTypes() =>
        OperationExamples.OperationTypes().Select(t => new TestCaseData(t).SetArgDisplayNames(t.Name));

    [TestCaseSource(nameof(OperationTypes))]
    public void Each_operation_has_the_dialects_statements(Type operationType)
    {
        Assert.That(OperationExamples.ByType.TryGetValue(operationType, out var example), Is.True, $"{operationType.Name} has no example in OperationExamples.");
        Assert.That(Expected.TryGetValue(operationType.Name, out var expected), Is.True, $"{GetType().Name} does not say what {operationType.Name} renders to.");
        if (expected is null)
        {
            Assert.Throws<NotSupportedException>(() => Generate(example!.Operation).ToList(), "the planner makes this change, not the generator");
            return;
        }

        Assert.That(Generate(example!.Operation), Is.EqualTo(expected));
    }
}
