using Migrations.Operations;

namespace Migrations.Dialects;

/// <summary>
/// Messages of the checks a plan runs inside the migration's transaction (a row still holding a
/// value being dropped), written once so that every database stops with the same words. They start
/// with <see cref="Marker"/>, by which a dialect tells them from the database's own errors.
/// </summary>
internal static class DataGuards
{
    /// <summary>What every guard message starts with.</summary>
    public const string Marker = "Refused: ";

    /// <summary>A row still holds an enum value that is being dropped.</summary>
    /// <param name="table">The table.</param>
    /// <param name="column">The column of the enum type.</param>
    /// <param name="value">The value being dropped.</param>
    /// <param name="type">The enum type.</param>
    public static string DroppedEnumValue(TableName table, string column, string value, TableName type) =>
        $"{Marker}{table.Name}.{column} still holds '{value}' of enum {type.Name}: change those rows first (UpdateData), then drop the value.";

    /// <summary>A column is given a length shorter than values it holds.</summary>
    /// <param name="table">The table.</param>
    /// <param name="column">The column.</param>
    /// <param name="length">The new length.</param>
    /// <param name="why">Why the database itself would not refuse, or null.</param>
    public static string ValuesTooLong(TableName table, string column, int length, string? why = null) =>
        $"{Marker}{table.Name}.{column} holds values longer than {length} characters: shorten them first (UpdateData or Sql(...)), or keep a longer type.{(why is null ? "" : " " + why)}";

    /// <summary>The guard's own words from a database's error message, or null when the message is not a guard's.</summary>
    /// <param name="message">The database's error message.</param>
    public static string? Find(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? null : message[(at + Marker.Length)..];
    }
}
