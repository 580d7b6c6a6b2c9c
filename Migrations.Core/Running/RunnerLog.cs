using Microsoft.Extensions.Logging;

namespace Migrations.Running;

/// <summary>The runner's log events; the event ids are stable so that tools can filter on them.</summary>
internal static partial class RunnerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Discovered {Count} migrations; latest version {LatestVersion}")]
    public static partial void Discovered(ILogger logger, int count, long latestVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Waiting for the migration lock on {Dialect}")]
    public static partial void WaitingForLock(ILogger logger, string dialect);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Migration lock acquired in {ElapsedMs} ms")]
    public static partial void LockAcquired(ILogger logger, long elapsedMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Applying migration {Version} \"{Description}\"")]
    public static partial void Applying(ILogger logger, long version, string description);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Applied migration {Version} \"{Description}\" in {ElapsedMs} ms ({Steps} statements)")]
    public static partial void Applied(ILogger logger, long version, string description, long elapsedMs, int steps);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Reverting migration {Version} \"{Description}\"")]
    public static partial void Reverting(ILogger logger, long version, string description);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Reverted migration {Version} \"{Description}\" in {ElapsedMs} ms ({Steps} statements)")]
    public static partial void Reverted(ILogger logger, long version, string description, long elapsedMs, int steps);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Database is at version {Version}; {Applied} applied, {Reverted} reverted")]
    public static partial void Finished(ILogger logger, long version, int applied, int reverted);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Database is up to date at version {Version}; nothing to apply")]
    public static partial void UpToDate(ILogger logger, long version);

    // The error itself travels to the caller in the exception (and, at startup, into the host's log);
    // logged here as well, it would appear twice. This line says what became of the database.
    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Migration {Version} \"{Description}\" failed; {Outcome}")]
    public static partial void Failed(ILogger logger, long version, string description, string outcome);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Database has versions no known migration has: {Versions}")]
    public static partial void UnknownVersions(ILogger logger, string versions);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "{Version}: {Sql}")]
    public static partial void Statement(ILogger logger, long version, string sql);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "{Version}: {Comment}")]
    public static partial void PlannedStep(ILogger logger, long version, string comment);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "{Version}: {Comment}: {Rows} rows")]
    public static partial void RowsWritten(ILogger logger, long version, string comment, int rows);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "{Version}: {Comment}: {Rows} rows so far")]
    public static partial void Progress(ILogger logger, long version, string comment, long rows);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "Releasing the migration lock on {Dialect} failed; the database releases it when the connection's session ends")]
    public static partial void LockReleaseFailed(ILogger logger, string dialect, Exception exception);

    [LoggerMessage(EventId = 17, Level = LogLevel.Information, Message = "{Version}: completed by an earlier run, skipped: {Sql}")]
    public static partial void PartDone(ILogger logger, long version, string sql);

    [LoggerMessage(EventId = 18, Level = LogLevel.Warning, Message = "Migration {Version} \"{Description}\" was edited after it was applied; running anyway because AllowChangedMigrations is set")]
    public static partial void ChangedAccepted(ILogger logger, long version, string description);

    [LoggerMessage(EventId = 19, Level = LogLevel.Warning, Message = "Migration {Version} \"{Description}\" is applied out of order: version {Newest} is already applied")]
    public static partial void OutOfOrder(ILogger logger, long version, string description, long newest);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Recorded the current checksum and description of migration {Version} \"{Description}\"")]
    public static partial void Repaired(ILogger logger, long version, string description);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Baselined at version {Version}: {Count} migrations recorded as applied without running them")]
    public static partial void Baselined(ILogger logger, long version, int count);

    [LoggerMessage(EventId = 22, Message = "{RuleId}: {Finding}")]
    public static partial void Finding(ILogger logger, LogLevel level, string ruleId, Linting.LintFinding finding);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "{Version}: a lock was not granted within the lock timeout; trying again in {WaitMs} ms (retry {Retry} of {Retries})")]
    public static partial void LockRetry(ILogger logger, long version, long waitMs, int retry, int retries);

    [LoggerMessage(EventId = 42, Level = LogLevel.Debug, Message = "Could not record that the applied migrations' checksums were checked; the next start checks them again")]
    public static partial void VerifiedNotRecorded(ILogger logger, Exception exception);
}
