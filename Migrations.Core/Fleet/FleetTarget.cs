using Migrations.Dialects;

namespace Migrations.Fleet;

/// <summary>
/// One database of a fleet: its name in reports, and how to reach it. The dialect is made when the
/// target's turn comes and disposed when it is done, so a fleet holds connections to only as many
/// databases as run at once.
/// </summary>
/// <param name="Name">The name reports show, for example the file or database name.</param>
/// <param name="CreateDialect">Makes the dialect that opens the database.</param>
public sealed record FleetTarget(string Name, Func<IMigrationDialect> CreateDialect);
