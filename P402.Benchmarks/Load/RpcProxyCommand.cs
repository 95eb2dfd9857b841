using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace P402.Benchmarks.Load;

/// <summary>
/// <c>rpc-proxy --upstream URL [--latency 50ms]</c>: a JSON-RPC forwarder between the app and anvil that adds a latency to each
/// request, as a remote provider would, and counts the calls it forwards (each call of a batch counts once). It binds a loopback port
/// of its own and prints <c>rpc-proxy listening on URL</c>; <c>GET URL</c> answers the counts so far as JSON.
/// </summary>
internal static class RpcProxyCommand
{
    public const string Name = "rpc-proxy";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        Uri? upstream = null;
        var latency = TimeSpan.Zero;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--upstream": upstream = new Uri(args[i + 1]); break;
                case "--latency": latency = LoadOptions.ParseDuration(args[i + 1]); break;
                default: await output.WriteLineAsync($"unknown option {args[i]}"); return 2;
            }
        }
        if (upstream is null)
        {
            await output.WriteLineAsync("usage: rpc-proxy --upstream http://127.0.0.1:8545 [--latency 50ms]");
            return 2;
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        using var forward = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseProxy = false });
        var counts = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        long requests = 0;
        app.Run(async context =>
        {
            if (HttpMethods.IsGet(context.Request.Method))
            {
                await context.Response.WriteAsJsonAsync(new
                {
                    requests = Interlocked.Read(ref requests),
                    calls = counts.Values.Sum(),
                    byMethod = counts.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value),
                });
                return;
            }
            Interlocked.Increment(ref requests);
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var body = buffer.ToArray();
            Count(body, counts);
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, context.RequestAborted);
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, upstream) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            using var answer = await forward.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)answer.StatusCode;
            context.Response.ContentType = "application/json";
            await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rpc-proxy listening on {address} (upstream {upstream}, latency {latency.TotalMilliseconds} ms)"));
        await output.FlushAsync();
        var stopped = new TaskCompletionSource();
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stopped.TrySetResult();
        });
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stopped.TrySetResult();
        };
        await stopped.Task;
        await app.StopAsync();
        return 0;
    }

    private static void Count(byte[] body, ConcurrentDictionary<string, long> counts)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            foreach (var call in root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root])
            {
                counts.AddOrUpdate(call.TryGetProperty("method", out var m) ? m.GetString() ?? "?" : "?", 1, (_, n) => n + 1);
            }
        }
        catch (JsonException)
        {
            counts.AddOrUpdate("(not JSON)", 1, (_, n) => n + 1);
        }
    }
}
