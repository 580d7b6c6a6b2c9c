using System.Reflection;
using Migrations.Dialects;
using Migrations.Running;

namespace Migrations.Hosting;

/// <summary>What <c>AddMigrations</c> configures: the database and the migrations.</summary>
public sealed class MigrationsOptions
{
    private readonly List<string> _problems = [];

    /// <summary>Creates the dialect for the application's database; set by <c>UseDuckDb</c> or <c>UsePostgres</c>.</summary>
    public Func<IServiceProvider, IMigrationDialect>? Dialect { get; private set; }

    /// <summary>Which migrations run and where their history lives.</summary>
    public MigrationRunnerOptions Runner { get; } = new();

    /// <summary>
    /// Makes the health check also compare the database's schema with the schema its migrations make
    /// (see <see cref="MigrationRunner.GetDriftAsync"/>) and report Degraded on drift. The comparison
    /// runs the migrations in a shadow database, so it is made at most once per <see cref="DriftCheckInterval"/>.
    /// </summary>
    public bool HealthCheckIncludesDrift { get; set; }

    /// <summary>How long a drift comparison made by the health check stands before it is made again.</summary>
    public TimeSpan DriftCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Problems found while configuring (a malformed connection string, say), reported when the application starts.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Uses a dialect, created once from the application's services.</summary>
    /// <param name="dialect">Creates the dialect.</param>
    public MigrationsOptions UseDialect(Func<IServiceProvider, IMigrationDialect> dialect)
    {
        Dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));
        return this;
    }

    /// <summary>Scans the assembly that defines <typeparamref name="T"/> for migrations.</summary>
    /// <typeparam name="T">Any type of the assembly.</typeparam>
    public MigrationsOptions ScanAssemblyOf<T>()
    {
        Runner.ScanAssemblyOf<T>();
        return this;
    }

    /// <summary>Scans an assembly for migrations.</summary>
    /// <param name="assembly">The assembly.</param>
    public MigrationsOptions ScanAssembly(Assembly assembly)
    {
        Runner.Assemblies.Add(assembly ?? throw new ArgumentNullException(nameof(assembly)));
        return this;
    }

    /// <summary>Adds migration classes one by one.</summary>
    /// <param name="migrations">The migration classes.</param>
    public MigrationsOptions Add(params Type[] migrations)
    {
        Runner.Add(migrations);
        return this;
    }

    /// <summary>Records a configuration problem to report at start, for dialect packages.</summary>
    /// <param name="problem">What is wrong and what to do.</param>
    public void AddProblem(string problem) => _problems.Add(problem);
}
