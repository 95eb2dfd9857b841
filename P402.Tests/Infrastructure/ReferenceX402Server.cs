using System.Diagnostics;
using System.Text.Json;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;

namespace P402.Tests.Infrastructure;

/// <summary>
/// x402's reference resource server (<c>interop/x402-express-server.mjs</c>: npm <c>@x402/express</c> 2.27 with
/// <c>@x402/core</c>'s facilitator client) as a real node process, with P402 as its facilitator. It listens on a
/// port it chose itself and reports it; it is stopped by its PID.
/// </summary>
public sealed class ReferenceX402Server : IAsyncDisposable
{
    private readonly Process _process;

    private ReferenceX402Server(Process process, Uri baseUrl, EthAddress payTo)
    {
        _process = process;
        BaseUrl = baseUrl;
        PayTo = payTo;
    }

    public Uri BaseUrl { get; }

    /// <summary>A fresh address per server: its balance moves only with this server's payments.</summary>
    public EthAddress PayTo { get; }

    /// <summary><c>GET /weather</c>, the paid route (10000 atomic units of Base USDC).</summary>
    public Uri WeatherUrl => new(BaseUrl, "weather");

    public static async Task<ReferenceX402Server> StartAsync(Uri p402BaseUrl, string apiKey)
    {
        var interop = Path.Combine(RepositoryRoot.Find(), "interop");
        if (!Directory.Exists(Path.Combine(interop, "node_modules", "@x402", "express")))
        {
            throw new InvalidOperationException("interop/ has no node_modules: run `bash scripts/setup.sh`.");
        }
        var payTo = EthKey.Generate().Address;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = interop,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(interop, "x402-express-server.mjs"));
        start.Environment["P402_URL"] = p402BaseUrl.AbsoluteUri.TrimEnd('/');
        start.Environment["P402_API_KEY"] = apiKey;
        start.Environment["PAY_TO"] = payTo.ToString();
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"The reference server exited before it listened: {stderr}");
            var port = JsonDocument.Parse(line).RootElement.GetProperty("port").GetInt32();
            _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            return new ReferenceX402Server(process, new Uri($"http://127.0.0.1:{port}/"), payTo);
        }
        catch (Exception e) when (e is OperationCanceledException or JsonException or InvalidOperationException)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException($"The reference x402 server did not start: {stderr}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
