using System.Diagnostics;
using System.Globalization;

namespace Migrations.Testing;

/// <summary>
/// A PostgreSQL cluster in a temporary folder, run from the local binaries. PostgreSQL refuses to
/// run as root, so under root the cluster belongs to the <c>postgres</c> user and its commands
/// run through <c>runuser</c>.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _binaries;
    private readonly string _folder;
    private readonly string _data;

    private PostgresCluster(string binaries, string folder, int port)
    {
        _binaries = binaries;
        _folder = folder;
        _data = Path.Combine(folder, "data");
        ConnectionString = $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=postgres;Timeout=30;Command Timeout=300";
    }

    public string ConnectionString { get; }

    public static async Task<PostgresCluster> StartAsync(int port, CancellationToken cancellationToken)
    {
        var binaries = FindBinaries();
        var folder = Directory.CreateTempSubdirectory("migrations-postgres-").FullName;
        var cluster = new PostgresCluster(binaries, folder, port);
        try
        {
            if (IsRoot)
            {
                // The server's own user must own its folders; the temp folder's parents must be traversable.
                await RunAsync("chown", ["-R", "postgres:postgres", folder], asPostgres: false, cancellationToken).ConfigureAwait(false);
            }

            await cluster.RunToolAsync("initdb", ["-D", cluster._data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], cancellationToken).ConfigureAwait(false);
            var options = $"-p {port} -c listen_addresses=127.0.0.1 -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            await cluster.RunToolAsync("pg_ctl", ["-D", cluster._data, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start"], cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(_data, "postmaster.pid")))
            {
                await RunToolAsync("pg_ctl", ["-D", _data, "-m", "immediate", "-w", "stop"], CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable(PostgresTestServer.BinariesVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        // Debian keeps each major version's server binaries in /usr/lib/postgresql/<major>/bin.
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return debian ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries found (initdb, pg_ctl). Install them (Debian: apt-get install postgresql-15), " +
            $"set {PostgresTestServer.BinariesVariable} to their folder, or set {PostgresTestServer.ConnectionVariable} to a server's connection string.");
    }

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(Path.Combine(_binaries, tool), arguments, asPostgres: IsRoot, cancellationToken);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }
}
