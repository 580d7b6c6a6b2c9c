using Microsoft.Extensions.Logging;

namespace Migrations.Fleet;

/// <summary>The fleet runner's log messages.</summary>
internal static partial class FleetLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "{Target}: {Outcome} {Error}")]
    public static partial void Finished(ILogger logger, string target, FleetOutcome outcome, string? error);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error, Message = "A canary of {Canaries} failed: the other {Rest} targets were not started")]
    public static partial void CanaryFailed(ILogger logger, int canaries, int rest);
}
