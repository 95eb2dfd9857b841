using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace P402.Tests.Infrastructure;

/// <summary>
/// The real app as its own OS process (<c>dotnet P402.Dashboard.dll</c>) on a loopback port, configured like a
/// <see cref="P402AppFactory"/>, so that a test can kill it (SIGKILL, no shutdown) and look at what survived.
/// Kestrel binds port 0 and the host reads the port it got from the app's log (<see cref="ProcessOutput"/>).
/// </summary>
public sealed class P402HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromMinutes(2);
    private readonly Process _process;

    private P402HostProcess(Process process, ProcessOutput output, Uri baseAddress)
    {
        _process = process;
        Output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>The exit code once the process has ended (it died, or was stopped); null while it runs.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Everything the app has printed so far (its console log).</summary>
    public ProcessOutput Output { get; }

    /// <summary>Starts the app with <paramref name="configuration"/> (and plain <paramref name="environment"/> variables, e.g. a HOME of its own).</summary>
    public static async Task<P402HostProcess> StartAsync(IReadOnlyDictionary<string, string?> configuration, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "P402.Dashboard.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in configuration)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }
        // Port 0: Kestrel takes whatever port the kernel gives it and logs it; the lifetime log says which.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        var process = Process.Start(start)!;
        try
        {
            var output = ProcessOutput.Read(process);
            var baseAddress = await output.WaitForListeningAddressAsync(process, timeout ?? DefaultStartTimeout);
            var host = new P402HostProcess(process, output, baseAddress);
            await host.CheckServingAsync();
            return host;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            throw;
        }
    }

    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(90) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        }
        return client;
    }

    /// <summary>
    /// SIGTERM to the app's PID, as a service manager or Ctrl+C would: the app shuts down and stops its
    /// dev chain. False if it was still running after <paramref name="timeout"/> (it is then SIGKILLed).
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        using (var term = Process.Start("kill", ["-TERM", ProcessId.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            return false;
        }
    }

    /// <summary>SIGKILL: the process ends at once, with no shutdown and no chance to flush anything.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }

    /// <summary>Kestrel logs its address once it accepts connections, after the app's start-up steps: one request proves it serves.</summary>
    private async Task CheckServingAsync()
    {
        using var client = CreateClient();
        var response = await client.GetAsync("supported");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The app listens on {BaseAddress} but GET /supported answered {(int)response.StatusCode}:\n{Output.Tail()}");
        }
    }
}
