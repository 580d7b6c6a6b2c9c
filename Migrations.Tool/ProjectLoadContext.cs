using System.Reflection;
using System.Runtime.Loader;

namespace Migrations.Tool;

/// <summary>
/// Loads the user's built assembly with its own dependencies, as its .deps.json lists them (the way
/// dotnet ef loads a startup assembly). Assemblies the tool ships itself (Migrations, the database
/// clients, Microsoft.Extensions) are shared from the tool, so that the project's migration classes
/// derive from the very Migration type the runner knows.
/// </summary>
internal sealed class ProjectLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;

    public ProjectLoadContext(string assemblyPath)
        : base("migrations-project") => _resolver = new AssemblyDependencyResolver(assemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, assemblyName.Name + ".dll")))
        {
            return null;
        }

        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
