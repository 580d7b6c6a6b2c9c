using System.Reflection;
using System.Reflection.Emit;
using Migrations.Building;

namespace Migrations.Benchmarks;

/// <summary>
/// Builds an assembly of N real migration classes at run time (each with its own [Migration]
/// attribute), so discovery and the runner see exactly what they would see in an app.
/// </summary>
internal static class GeneratedMigrations
{
    public static Assembly Create(string name, int count, MethodInfo up)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName(name), AssemblyBuilderAccess.Run);
        var module = assembly.DefineDynamicModule(name);
        var attribute = typeof(MigrationAttribute).GetConstructor([typeof(long), typeof(string)])!;
        var baseUp = typeof(Migration).GetMethod(nameof(Migration.Up))!;
        for (var version = 1L; version <= count; version++)
        {
            var type = module.DefineType($"{name}.M{version:D5}", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(Migration));
            type.SetCustomAttribute(new CustomAttributeBuilder(attribute, [version, $"Generated {version}"]));
            type.DefineDefaultConstructor(MethodAttributes.Public);
            var method = type.DefineMethod(nameof(Migration.Up), MethodAttributes.Public | MethodAttributes.Virtual | MethodAttributes.HideBySig, typeof(void), [typeof(MigrationBuilder)]);
            var il = method.GetILGenerator();
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Ldc_I8, version);
            il.Emit(OpCodes.Call, up);
            il.Emit(OpCodes.Ret);
            type.DefineMethodOverride(method, baseUp);
            type.CreateType();
        }

        return assembly;
    }
}
