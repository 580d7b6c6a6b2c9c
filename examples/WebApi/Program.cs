// A minimal API whose database is migrated before it serves its first request.
// DuckDB file by default; PostgreSQL with Database__Provider=Postgres and ConnectionStrings__Postgres.
// "dotnet run -- migrate status | up | down <version> | script" manages the database instead of serving.
using System.Data.Common;
using DuckDB.NET.Data;
using Migrations.CommandLine;
using Migrations.Hosting;
using Migrations.DuckDb;
using Migrations.Postgres;
using Migrations.Running;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);
var usePostgres = string.Equals(builder.Configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);
var connectionString = builder.Configuration.GetConnectionString(usePostgres ? "Postgres" : "DuckDb") ?? "";

var migrations = builder.Services.AddMigrations(o =>
    {
        if (usePostgres)
        {
            o.UsePostgres(connectionString);
        }
        else
        {
            o.UseDuckDb(connectionString);
        }

        o.ScanAssemblyOf<Program>();
    });
builder.Services.AddHealthChecks().AddCheck<MigrationsHealthCheck>("migrations");

// Serving migrates first; "migrate ..." does only what it is told.
if (args is not ["migrate", ..])
{
    migrations.RunOnStartup();
}

builder.Services.AddSingleton<Func<DbConnection>>(usePostgres
    ? () => new NpgsqlConnection(connectionString)
    : () => new DuckDBConnection(connectionString));

var app = builder.Build();

if (args is ["migrate", .. var command])
{
    return await MigrateCommand.RunAsync(command, app.Services.GetRequiredService<MigrationRunner>());
}

app.MapGet("/todos", async (Func<DbConnection> open, CancellationToken cancellationToken) =>
{
    await using var connection = open();
    await connection.OpenAsync(cancellationToken);
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT id, title, done FROM todos ORDER BY id";
    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
    var todos = new List<Todo>();
    while (await reader.ReadAsync(cancellationToken))
    {
        todos.Add(new Todo(reader.GetInt64(0), reader.GetString(1), reader.GetBoolean(2)));
    }

    return todos;
});

app.MapHealthChecks("/health");
await app.RunAsync();
return 0;

internal sealed record Todo(long Id, string Title, bool Done);

/// <summary>The entry point, named for ScanAssemblyOf&lt;Program&gt;() and for tests.</summary>
public partial class Program;
