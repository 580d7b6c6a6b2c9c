using System.Net;
using System.Net.Http.Json;
using Migrations.Tests.Support;

namespace Migrations.Tests.Hosting;

/// <summary>
/// The WebApi example as a real process: its very first answered request already sees the
/// migrated schema, because RunOnStartup finishes before the web server starts listening.
/// </summary>
public class WebApiTests
{
    [Test]
    public async Task On_a_duckdb_file_the_first_request_already_sees_the_migrated_schema()
    {
        using var db = new DuckDbTestDatabase();
        await ServesMigratedSchemaFromTheFirstRequest(new Dictionary<string, string> { ["ConnectionStrings__DuckDb"] = db.ConnectionString });
    }

    [Test]
    public async Task On_postgresql_the_first_request_already_sees_the_migrated_schema()
    {
        var database = await PostgresServer.Instance.CreateDatabaseAsync("webapi");
        await ServesMigratedSchemaFromTheFirstRequest(new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = database,
        });
    }

    [Test]
    public async Task A_host_whose_migration_fails_exits_with_code_one_naming_the_migration_once()
    {
        using var db = new DuckDbTestDatabase();
        db.Execute("CREATE TABLE todos (something_else INTEGER)"); // the first migration's CREATE TABLE will fail

        using var app = new WebApiProcess(new Dictionary<string, string> { ["ConnectionStrings__DuckDb"] = db.ConnectionString });
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.That(exitCode, Is.EqualTo(1), "an orderly exit, not an abort (134):\n" + app.Output);
        Assert.That(app.Output, Does.Contain("CreateTodos").And.Contain("Create todos").And.Contain("Table main.todos already exists (with something_else)"));
        Assert.That(app.Output.Split("Migrations cannot run as written").Length - 1, Is.EqualTo(1), "the error is logged once:\n" + app.Output);
        Assert.That(app.Output, Does.Not.Contain("Unhandled exception"));
        Assert.That(db.Rows("SELECT table_name FROM duckdb_tables() ORDER BY 1").Select(r => r[0]), Does.Not.Contain("__migrations_constraint_names"), "the failed migration left nothing behind");
    }

    private static async Task ServesMigratedSchemaFromTheFirstRequest(Dictionary<string, string> environment)
    {
        using var app = new WebApiProcess(environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{app.Port}"), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        HttpResponseMessage? first = null;
        while (first is null)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the app never answered:\n" + app.Output);
            Assert.That(app.HasExited, Is.False, "the app stopped:\n" + app.Output);
            try
            {
                first = await http.GetAsync(new Uri("/todos", UriKind.Relative));
            }
            catch (HttpRequestException)
            {
                await Task.Delay(25); // not listening yet: it is still migrating
            }
        }

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the first answered request failed:\n" + app.Output);
        var todos = await first.Content.ReadFromJsonAsync<List<TodoDto>>();
        Assert.That(todos!.Select(t => $"{t.Title}:{t.Done}"), Is.EqualTo(new[] { "Read the README:False", "Write a migration:False" }));
        Assert.That(await http.GetStringAsync(new Uri("/health", UriKind.Relative)), Is.EqualTo("Healthy"));
        Assert.That(app.Output, Does.Contain("Applied migration 202611220900 \"Todos can be done\""), "the log names what was applied");
    }

    private sealed record TodoDto(long Id, string Title, bool Done);
}
