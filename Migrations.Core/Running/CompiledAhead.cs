using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Migrations.Running;

/// <summary>
/// Recording a migration is mostly the runtime compiling its own code on first use (the class,
/// Up, and every lambda written in it). While a run records many pending migrations oldest
/// first, another thread compiles them newest first until the two meet. Compiling runs none of a
/// migration's code, so nothing a migration does happens on two threads.
/// </summary>
internal sealed class CompiledAhead : IDisposable
{
    /// <summary>Below this many pending migrations, recording them is quicker than starting a thread.</summary>
    private const int From = 32;

    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    private readonly IReadOnlyList<MigrationInfo> _pending;
    private int _recorded = -1;
    private volatile bool _stopped;

    private CompiledAhead(IReadOnlyList<MigrationInfo> pending) => _pending = pending;

    /// <summary>Starts compiling <paramref name="pending"/> newest first; null when there are too few to gain from it.</summary>
    public static CompiledAhead? Start(IReadOnlyList<MigrationInfo> pending)
    {
        if (pending.Count < From || !RuntimeFeature.IsDynamicCodeCompiled || Environment.ProcessorCount < 2)
        {
            return null;
        }

        var ahead = new CompiledAhead(pending);
        _ = Task.Run(ahead.Run, CancellationToken.None);
        return ahead;
    }

    /// <summary>Tells the thread that the run is recording the migration at <paramref name="index"/>: it stops before it.</summary>
    public void Recording(int index) => Volatile.Write(ref _recorded, index);

    public void Dispose() => _stopped = true;

    private void Run()
    {
        for (var i = _pending.Count - 1; !_stopped && i > Volatile.Read(ref _recorded); i--)
        {
            try
            {
                Compile(_pending[i].Type);
            }
            catch (Exception)
            {
                // Only a head start: whatever cannot be compiled here is compiled where it is called.
            }
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Only a head start: a member trimmed away is not compiled ahead, and nothing depends on it being found.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As above.")]
    private static void Compile(Type migration)
    {
        foreach (var type in migration.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).Prepend(migration))
        {
            if (type.ContainsGenericParameters)
            {
                continue;
            }

            foreach (var method in type.GetMethods(Declared))
            {
                // Up and the lambdas and local functions written in it (named "<Up>..." by the compiler); Down runs only when reverting.
                if (!method.IsAbstract && !method.ContainsGenericParameters && (method.Name == nameof(Migration.Up) || method.Name.StartsWith("<Up>", StringComparison.Ordinal)))
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                }
            }

            foreach (var constructor in type.GetConstructors(Declared))
            {
                RuntimeHelpers.PrepareMethod(constructor.MethodHandle);
            }
        }
    }
}
