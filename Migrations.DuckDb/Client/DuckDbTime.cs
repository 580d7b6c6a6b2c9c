namespace Migrations.DuckDb.Client;

/// <summary>Conversions between .NET date/time values and DuckDB's epoch-based representations.</summary>
internal static class DuckDbTime
{
    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static long ToMicros(DateTime value) => (value.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    public static DateTime FromMicros(long micros, DateTimeKind kind) =>
        new(DateTime.UnixEpoch.Ticks + (micros * TimeSpan.TicksPerMicrosecond), kind);

    public static int ToDays(DateOnly value) => value.DayNumber - EpochDayNumber;

    public static DateOnly FromDays(int days) => DateOnly.FromDayNumber(EpochDayNumber + days);

    public static long ToMicros(TimeOnly value) => value.Ticks / TimeSpan.TicksPerMicrosecond;

    public static TimeOnly TimeFromMicros(long micros) => new(micros * TimeSpan.TicksPerMicrosecond);
}
