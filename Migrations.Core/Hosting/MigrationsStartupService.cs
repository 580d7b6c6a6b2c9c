using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Migrations.Running;

namespace Migrations.Hosting;

/// <summary>
/// Migrates in <see cref="IHostedLifecycleService.StartingAsync"/>, which the host calls before it
/// starts any hosted service (the web server included), so no request sees an old schema.
/// </summary>
internal sealed partial class MigrationsStartupService : IHostedLifecycleService
{
    private readonly MigrationRunner _runner;
    private readonly MigrationsStartupOptions _options;
    private readonly MigrationsState _state;
    private readonly ILogger<MigrationsStartupService> _logger;

    public MigrationsStartupService(MigrationRunner runner, IOptions<MigrationsStartupOptions> options, MigrationsState state, ILogger<MigrationsStartupService> logger)
    {
        _runner = runner;
        _options = options.Value;
        _state = state;
        _logger = logger;
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _runner.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _state.StartupFailure = e;
            if (_options.FailOnError)
            {
                // The host logs the exception as it stops ("Hosting failed to start"); this line says why it stops.
                LogStopping(_logger);
                ExitWithCodeOneIfUnhandled(e);
                throw;
            }

            LogContinuing(_logger, e);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// An app's <c>await host.RunAsync()</c> rethrows a startup failure, and an unhandled exception
    /// aborts the process (exit code 134 on Linux) after printing it once more. A failed migration is
    /// an expected way to stop: the process ends with exit code 1 instead. Catching the exception
    /// (as tests and apps that handle startup errors do) leaves this without effect.
    /// </summary>
    private static void ExitWithCodeOneIfUnhandled(Exception failure)
    {
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (ReferenceEquals(e.ExceptionObject, failure))
            {
                Environment.Exit(1);
            }
        };
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Critical, Message = "Migrating the database failed; the application will not start (exit code 1)")]
    private static partial void LogStopping(ILogger logger);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "Migrating the database failed; the application starts anyway (FailOnError is off)")]
    private static partial void LogContinuing(ILogger logger, Exception exception);
}
