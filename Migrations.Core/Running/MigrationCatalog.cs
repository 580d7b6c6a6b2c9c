using System.Reflection;

namespace Migrations.Running;

/// <summary>
/// The migrations found by reflection, checked and sorted by version. Classes are only
/// inspected here; instances are created when a migration's operations are needed.
/// Every start of an app pays for this: lookups search the array in version order (<see cref="VersionOrder"/>).
/// </summary>
internal sealed class MigrationCatalog
{
    private readonly MigrationInfo[] _migrations;

    private MigrationCatalog(MigrationInfo[] migrations) => _migrations = migrations;

    /// <summary>The migrations in ascending version order.</summary>
    public IReadOnlyList<MigrationInfo> Migrations => _migrations;

    public MigrationInfo? Find(long version) => VersionOrder.IndexOf(_migrations, version, static m => m.Version) is >= 0 and var index ? _migrations[index] : null;

    /// <summary>Finds and checks the migrations, reporting every problem at once.</summary>
    public static MigrationCatalog Discover(MigrationRunnerOptions options)
    {
        var candidates = options.Assemblies
            .SelectMany(LoadableTypes)
            .Where(t => t.IsClass && typeof(Migration).IsAssignableFrom(t))
            .Concat(options.MigrationTypes)
            .Distinct()
            .ToList();

        var problems = new List<string>();
        var found = new List<MigrationInfo>();
        foreach (var type in candidates)
        {
            if (Check(type, problems) is { } info)
            {
                found.Add(info);
            }
        }

        // Sorted by version, then by class name so that a message about a shared version reads the same every time.
        var sorted = found.ToArray();
        Array.Sort(sorted, static (a, b) => a.Version != b.Version ? a.Version.CompareTo(b.Version) : string.CompareOrdinal(a.Type.FullName, b.Type.FullName));
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end].Version == sorted[start].Version)
            {
                end++;
            }

            if (end - start > 1)
            {
                problems.Add($"Version {sorted[start].Version} is used by {string.Join(" and ", sorted[start..end].Select(m => m.Type.FullName))}: give each migration its own version.");
            }

            start = end;
        }

        return problems.Count > 0 ? throw new MigrationValidationException(problems) : new MigrationCatalog(sorted);
    }

    private static MigrationInfo? Check(Type type, List<string> problems)
    {
        var attribute = type.GetCustomAttribute<MigrationAttribute>();
        if (!typeof(Migration).IsAssignableFrom(type))
        {
            problems.Add($"{type.FullName} does not derive from Migration: derive from Migrations.Migration.");
            return null;
        }

        if (attribute is null)
        {
            // An abstract class without the attribute is a base class for migrations, not a migration.
            if (!type.IsAbstract)
            {
                problems.Add($"{type.FullName} derives from Migration but has no [Migration(version, \"description\")] attribute: add one, or make the class abstract if it is a base class.");
            }

            return null;
        }

        var before = problems.Count;
        var name = type.FullName + " (version " + attribute.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        if (type.IsAbstract)
        {
            problems.Add($"{name} is abstract: migrations must be concrete classes; move [Migration] to a concrete subclass.");
        }
        else if (type.ContainsGenericParameters)
        {
            problems.Add($"{name} is generic: migrations must be non-generic classes; derive a closed class and put [Migration] on it.");
        }
        else if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            problems.Add($"{name} has no public parameterless constructor: add one so the runner can create it.");
        }

        if (attribute.Version <= 0)
        {
            problems.Add($"{name} has version {attribute.Version}: versions must be greater than 0 (0 stands for the empty database).");
        }

        return problems.Count == before ? new MigrationInfo(attribute.Version, attribute.Description, type) : null;
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
