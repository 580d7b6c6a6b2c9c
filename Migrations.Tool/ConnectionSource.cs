using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Migrations.Tool;

/// <summary>
/// Where the connection string comes from, first found wins: --connection; --connection-name,
/// read like the app reads it (appsettings.json and appsettings.{environment}.json beside the
/// assembly, the app's user secrets, environment variables); the MIGRATIONS_CONNECTION variable.
/// </summary>
internal static class ConnectionSource
{
    public const string Variable = "MIGRATIONS_CONNECTION";

    public static string Resolve(string? connection, string? name, Assembly assembly)
    {
        if (!string.IsNullOrWhiteSpace(connection))
        {
            return connection;
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            var configuration = AppConfiguration(assembly);
            return configuration.GetConnectionString(name) is { Length: > 0 } found
                ? found
                : throw new ToolException(
                    $"No connection string named {name} in the app's configuration (appsettings.json beside {Path.GetFileName(assembly.Location)}, user secrets, environment variables). " +
                    $"Known names: {string.Join(", ", configuration.GetSection("ConnectionStrings").GetChildren().Select(c => c.Key).DefaultIfEmpty("none"))}.");
        }

        return Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromVariable
            ? fromVariable
            : throw new ToolException($"No connection: give --connection \"...\", --connection-name Name (from the app's ConnectionStrings), or set {Variable}.");
    }

    private static IConfiguration AppConfiguration(Assembly assembly)
    {
        var folder = Path.GetDirectoryName(assembly.Location)!;
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(folder)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddUserSecrets(assembly, optional: true)
            .AddEnvironmentVariables()
            .Build();
    }
}
