using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace P402.Tests.Infrastructure;

/// <summary>
/// A real HTTP server between P402 and anvil that misbehaves under the test's control: it adds latency,
/// forwards a request and then drops the answer (the node acted, the caller never hears), answers 429
/// without forwarding, or hangs until the caller gives up. It binds port 0 and reports the port Kestrel got;
/// it counts what it saw, per JSON-RPC method.
/// </summary>
public sealed class JsonRpcFaultProxy : IAsyncDisposable
{
    private static readonly HttpClient Upstream = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 });
    private readonly WebApplication _app;
    private readonly Uri _upstream;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private int _tooManyNext;

    private JsonRpcFaultProxy(WebApplication app, Uri upstream, int seed)
    {
        _app = app;
        _upstream = upstream;
        _random = new Random(seed);
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>Added before each request is forwarded.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Share of requests forwarded whose answer is then dropped (connection aborted).</summary>
    public double DropAnswerRate { get; set; }

    /// <summary>Share of requests answered HTTP 429 without forwarding.</summary>
    public double TooManyRequestsRate { get; set; }

    /// <summary>Share of requests never answered (until the caller gives up).</summary>
    public double HangRate { get; set; }

    /// <summary>Requests that call this JSON-RPC method are never answered (until the caller gives up), nor forwarded.</summary>
    public string? HangMethod { get; set; }

    /// <summary>A single request calling this JSON-RPC method is answered as by a node without it (-32601, method not found), not forwarded.</summary>
    public string? RefuseMethod { get; set; }

    /// <summary>Awaited before a single eth_sendRawTransaction request is forwarded (what the node does meanwhile, say).</summary>
    public Func<Task>? BeforeSendRawTransaction { get; set; }

    /// <summary>The Retry-After (seconds) sent with a 429, if any.</summary>
    public int? RetryAfterSeconds { get; set; }

    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    public int Requests => _requests;

    public int Dropped => _dropped;

    public int TooMany => _tooMany;

    public int Hung => _hung;

    private int _requests, _dropped, _tooMany, _hung;

    /// <summary>The next <paramref name="count"/> requests are answered 429.</summary>
    public void TooManyRequestsNext(int count) => Interlocked.Exchange(ref _tooManyNext, count);

    public static async Task<JsonRpcFaultProxy> StartAsync(Uri upstream, int seed = 402)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new JsonRpcFaultProxy(app, upstream, seed);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        proxy.Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return proxy;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var methods = Count(body);
        if (HangMethod is { } hang && methods.Contains(hang))
        {
            Interlocked.Increment(ref _hung);
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        if (RefuseMethod is { } refused && methods is [var only] && only == refused && body[0] != (byte)'[')
        {
            using var request = JsonDocument.Parse(body);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(
                $$$"""{"jsonrpc":"2.0","id":{{{request.RootElement.GetProperty("id").GetRawText()}}},"error":{"code":-32601,"message":"Method not found"}}""",
                context.RequestAborted);
            return;
        }
        if (TakeTooManyNext() || Roll(TooManyRequestsRate))
        {
            Interlocked.Increment(ref _tooMany);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            if (RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return;
        }
        if (Roll(HangRate))
        {
            Interlocked.Increment(ref _hung);
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, context.RequestAborted);
        }
        if (BeforeSendRawTransaction is { } before && methods is ["eth_sendRawTransaction"] && body[0] != (byte)'[')
        {
            await before();
        }
        using var forwarded = new HttpRequestMessage(HttpMethod.Post, _upstream) { Content = new ByteArrayContent(body) };
        forwarded.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var answer = await Upstream.SendAsync(forwarded, context.RequestAborted);
        var answerBody = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted);
        if (Roll(DropAnswerRate))
        {
            Interlocked.Increment(ref _dropped);
            context.Abort(); // the node acted on it; the caller never hears
            return;
        }
        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(answerBody, context.RequestAborted);
    }

    private bool TakeTooManyNext()
    {
        while (true)
        {
            var left = Volatile.Read(ref _tooManyNext);
            if (left <= 0)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _tooManyNext, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    private bool Roll(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }
        lock (_gate)
        {
            return _random.NextDouble() < rate;
        }
    }

    private List<string> Count(byte[] body)
    {
        var methods = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(body);
            var calls = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().ToList() : [document.RootElement];
            foreach (var call in calls)
            {
                var method = call.GetProperty("method").GetString() ?? "?";
                methods.Add(method);
                Calls.AddOrUpdate(method, 1, (_, n) => n + 1);
            }
        }
        catch (JsonException)
        {
            Calls.AddOrUpdate("(not JSON)", 1, (_, n) => n + 1);
        }
        return methods;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
