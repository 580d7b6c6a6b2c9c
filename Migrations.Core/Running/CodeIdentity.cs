using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Migrations.Dialects;

namespace Migrations.Running;

/// <summary>
/// Identifies the code that produces the known migrations' operations: the module version ids of
/// the assemblies that hold them and of everything they reference outside the .NET and Microsoft
/// libraries, our own packages, the runtime, and which class has which version. Compilers give a
/// module a new id whenever its IL changes (deterministic builds derive it from the content), so
/// the same identity means the same Up methods and the same checksums.
/// </summary>
internal static class CodeIdentity
{
    /// <summary>Public key tokens of the .NET runtime and Microsoft's libraries (Microsoft.Extensions.*), which do not decide what a migration records.</summary>
    private static readonly HashSet<string> PlatformKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "b77a5c561934e089", "b03f5f7f11d50a3a", "cc7b13ffcd2ddd51", "adb9793829ddae60", "7cec85d7bea7798e", "31bf3856ad364e35",
    };

    /// <summary>The identity, or null when some of the code has none that lasts (an assembly emitted at run time) or none can be told (a native app).</summary>
    public static string? Of(IReadOnlyList<MigrationInfo> migrations, IMigrationDialect dialect)
    {
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            // A native (ahead-of-time compiled) app keeps no references to walk. Its migrations' code
            // is compiled already, so comparing every checksum on each start costs little there.
            return null;
        }

        var roots = migrations.Select(m => m.Type.Assembly).Append(typeof(Migration).Assembly).Append(dialect.GetType().Assembly);
        // Module ids as text and names sorted by hand: collections over Guid would be compiled at run time on every start.
        var modules = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Collect(roots, modules))
        {
            return null;
        }

        var names = modules.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append(RuntimeInformation.FrameworkDescription).Append('\n').Append(dialect.GetType().FullName).Append('\n');
        foreach (var name in names)
        {
            text.Append(name).Append(' ').Append(modules[name]).Append('\n');
        }

        // Which class has which version: runners given classes one by one can swap classes of one assembly.
        var assemblies = new Dictionary<Assembly, string>();
        foreach (var migration in migrations)
        {
            var assembly = migration.Type.Assembly;
            if (!assemblies.TryGetValue(assembly, out var assemblyName))
            {
                assemblies[assembly] = assemblyName = assembly.FullName ?? "";
            }

            text.Append(migration.Version).Append(' ').Append(assemblyName).Append(':').Append(migration.Type.FullName).Append('\n');
        }

        return StableHash.Of(text.ToString());
    }

    /// <summary>Walks the references from the roots, recording each assembly's module id; false on an assembly without a lasting one.</summary>
    private static bool Collect(IEnumerable<Assembly> roots, Dictionary<string, string> modules)
    {
        var pending = new Stack<Assembly>(roots.Distinct());
        // References are mostly loaded already: finding them among the loaded ones skips the binder.
        var loaded = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!assembly.IsDynamic && assembly.FullName is { } fullName)
            {
                loaded.TryAdd(fullName, assembly);
            }
        }

        while (pending.Count > 0)
        {
            var assembly = pending.Pop();
            var name = assembly.FullName ?? assembly.GetName().Name ?? "";
            if (modules.ContainsKey(name))
            {
                continue;
            }

            if (assembly.IsDynamic)
            {
                return false;
            }

            modules[name] = assembly.ManifestModule.ModuleVersionId.ToString("N");
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (IsPlatform(reference) || modules.ContainsKey(reference.FullName))
                {
                    continue;
                }

                if ((loaded.GetValueOrDefault(reference.FullName) ?? Load(reference)) is { } found)
                {
                    pending.Push(found);
                }
                else
                {
                    // A reference that is not deployed cannot run; its name still marks the code.
                    modules[reference.FullName] = Guid.Empty.ToString("N");
                }
            }
        }

        return true;
    }

    private static bool IsPlatform(AssemblyName name) =>
        name.GetPublicKeyToken() is { Length: > 0 } token && PlatformKeys.Contains(Convert.ToHexString(token));

    private static Assembly? Load(AssemblyName name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }
}
