namespace Migrations.Hosting;

/// <summary>How <c>RunOnStartup</c> behaves.</summary>
public sealed class MigrationsStartupOptions
{
    /// <summary>Stop the host when migrating fails (the default); false logs the error and lets the application start.</summary>
    public bool FailOnError { get; set; } = true;

    /// <summary>How long to wait for another instance's migration lock; null waits as long as it takes.</summary>
    public TimeSpan? LockTimeout { get; set; }
}
