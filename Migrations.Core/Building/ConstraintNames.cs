namespace Migrations.Building;

/// <summary>Default names for constraints and indexes the user did not name.</summary>
internal static class ConstraintNames
{
    public static string PrimaryKey(string table) => $"pk_{table}";

    public static string Unique(string table, IEnumerable<string> columns) => $"uq_{table}_{string.Join("_", columns)}";

    public static string ForeignKey(string table, IEnumerable<string> columns) => $"fk_{table}_{string.Join("_", columns)}";

    public static string Check(string table, string column) => $"ck_{table}_{column}";

    public static string Index(string table, IEnumerable<string> columns) => $"ix_{table}_{string.Join("_", columns)}";
}
