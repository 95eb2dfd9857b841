using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using P402.Tests.Infrastructure;

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
        var script = Path.Combine(RepositoryRoot(), "run.sh");
        var start = new ProcessStartInfo("bash", [script, "--no-build"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                // Port 0: Kestrel binds whatever port the kernel gives it and logs it (run.sh defaults to 5402).
                ["P402_URLS"] = "http://127.0.0.1:0",
                ["Database__ConnectionString"] = $"Data Source={DatabasePath}",
                ["Chain__Dev__StatePath"] = Path.Combine(_data, "chain.json"),
                // --no-build runs the binaries this test run built, in this run's configuration.
                ["P402_CONFIGURATION"] = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug",
            },
        };
        var process = Process.Start(start)!;
        var output = ProcessOutput.Read(process);
        try
        {
            // run.sh runs scripts/setup.sh first (quick when all is installed) and then the app.
            var address = await output.WaitForListeningAddressAsync(process, TimeSpan.FromMinutes(6));
            return new RunningApp(process, new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(90) });
        }
        catch
        {
            await new RunningApp(process, new HttpClient()).StopAsync();
            throw;
        }
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
