using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace P402.Tests.RunCommand;

/// <summary>
/// The README's run command (<c>./run.sh</c>) serves the dashboard on a loopback port with SQLite and
/// the dev chain, and a second start reuses the same database and chain state. It runs the script
/// itself (with <c>--no-build</c>: the test run has just built the Release binaries).
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("p402-run-").FullName;

    [Fact]
    public async Task RunScript_StartsTwice_ServesHomePageAndKeepsTheDatabase()
    {
        var first = await StartAsync();
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync("/")).StatusCode);
            var health = JsonDocument.Parse(await first.Client.GetStringAsync("/healthz")).RootElement;
            Assert.Equal("Healthy", health.GetProperty("status").GetString());
        }
        finally
        {
            await first.StopAsync();
        }
        Assert.True(File.Exists(DatabasePath));
        InsertMarker();

        var second = await StartAsync();
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await second.Client.GetAsync("/")).StatusCode);
            Assert.Equal(1, CountMarkers());
        }
        finally
        {
            await second.StopAsync();
        }
    }

    private string DatabasePath => Path.Combine(_data, "p402.db");

    private async Task<RunningApp> StartAsync()
    {
        var port = FreePort();
        var script = Path.Combine(RepositoryRoot(), "run.sh");
        var start = new ProcessStartInfo("bash", [script, "--no-build"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["P402_URLS"] = $"http://127.0.0.1:{port}",
                ["Database__ConnectionString"] = $"Data Source={DatabasePath}",
                ["Chain__Dev__StatePath"] = Path.Combine(_data, "chain.json"),
                // --no-build runs the binaries this test run built, in this run's configuration.
                ["P402_CONFIGURATION"] = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug",
            },
        };
        var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(90) };
        var app = new RunningApp(process, client);
        var deadline = DateTime.UtcNow.AddMinutes(6);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still starting.
            }
            await Task.Delay(500);
        }
        await app.StopAsync();
        throw new InvalidOperationException("run.sh did not serve in time:\n" + string.Join('\n', output.TakeLast(40)));
    }

    private void InsertMarker()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO Merchants (Id, Name, CreatedAt, GasPriceLimitWei, MaxGasPerSettlement, DefaultReceiptTtlSeconds, MaxReceiptTtlSeconds) VALUES ('mch_marker', 'marker', '2026-01-01 00:00:00', 1, 100000, 60, 600)";
        command.ExecuteNonQuery();
    }

    private int CountMarkers()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Merchants WHERE Id = 'mch_marker'";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "P402.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("P402.sln not found above the test binaries.");
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private sealed record RunningApp(Process Process, HttpClient Client)
    {
        public async Task StopAsync()
        {
            Client.Dispose();
            if (!Process.HasExited)
            {
                // SIGTERM lets the host stop anvil and flush its state, as Ctrl+C would.
                using var kill = Process.Start("kill", ["-TERM", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill!.WaitForExitAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try
                {
                    await Process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    Process.Kill(entireProcessTree: true);
                }
            }
            Process.Dispose();
        }
    }
}
