using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Migrations.Tests.Support;

namespace Migrations.Tests.Hosting;

/// <summary>examples/WebApi started as a real process on a free loopback port, its output collected.</summary>
internal sealed class WebApiProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public WebApiProcess(IReadOnlyDictionary<string, string> environment)
    {
        Port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { BuiltProgram.Path("examples/WebApi"), "--urls", $"http://127.0.0.1:{Port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
