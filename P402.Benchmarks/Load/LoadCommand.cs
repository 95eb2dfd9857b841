using System.Net;
using System.Net.Http.Headers;

namespace P402.Benchmarks.Load;

/// <summary>The <c>load</c> mode: drives a running P402 (or its anvil) over loopback and reports.</summary>
internal static class LoadCommand
{
    public const string Name = "load";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
            options = options.Scenario == "anvil-calls"
                ? options with { Url = options.Rpc ?? throw new ArgumentException("anvil-calls needs --rpc.") }
                : options with { Url = options.Url ?? throw new ArgumentException("--url is required."), Key = options.Key ?? throw new ArgumentException("--key is required.") };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
        {
            await output.WriteLineAsync($"{e.Message}\n{LoadOptions.Usage}");
            return 2;
        }
        var payments = new BenchPayments(options.Payers);
        var resource = options.Resource ?? $"https://api.example.com/bench/{Guid.NewGuid():N}";
        ILoadScenario? scenario = options.Scenario switch
        {
            "verify" => new VerifyScenario(payments, resource),
            "settle" => new SettleScenario(payments, resource, options.RpcStats),
            "receipt-verify" => new ReceiptVerifyScenario(payments, resource, options.Receipt),
            "anvil-calls" => new AnvilCallsScenario(payments, options.Url!, options.Batch),
            _ => null,
        };
        if (scenario is null)
        {
            await output.WriteLineAsync($"Unknown scenario '{options.Scenario}'.\n{LoadOptions.Usage}");
            return 2;
        }

        using var http = CreateClient(options);
        await scenario.PrepareAsync(http, output, CancellationToken.None);
        var loadBefore = LoadReport.LoadAverage();
        var (warmup, measured, cpu) = await LoadRunner.RunAsync(scenario, http, options);
        await LoadReport.WriteAsync(output, options, loadBefore, warmup, measured, cpu);
        await scenario.CheckAsync(http, warmup.Succeeded + measured.Succeeded, output, CancellationToken.None);
        return 0;
    }

    private static HttpClient CreateClient(LoadOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(60) };
        if (options.Key is { } key)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return http;
    }
}
