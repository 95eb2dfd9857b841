using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using P402.Tests.Infrastructure;
using static P402.Tests.Receipts.ReceiptApi;

namespace P402.Tests.ScaleOut;

/// <summary>PostgreSQL restarted under three running P402 processes: a clear 503 while it is away, and everything back without restarting P402.</summary>
public sealed class ScaleOutDatabaseRestartTests(RestartablePostgresFixture fixture) : IClassFixture<RestartablePostgresFixture>
{
    private sealed record Answer(int Instance, HttpStatusCode Status, string? ContentType, bool RetryAfter, string Body);

    [Fact]
    public async Task Requests_WhilePostgresRestartsUnderLoad_Answer503ProblemWithRequestIdNever500_AndEverythingResumes()
    {
        var merchant = await fixture.App.CreateMerchantAsync();
        var clients = fixture.Instances.Select(i => i.CreateClient(merchant.ApiKey)).ToArray();
        var receipt = (await NewReceiptAsync(clients[0], fixture.Chain)).Id();
        var payment = fixture.Chain.NewPayment(); // verified again and again, never settled
        var answers = new ConcurrentQueue<Answer>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 12).Select(worker => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var instance = Random.Shared.Next(clients.Length);
                try
                {
                    using var response = worker % 2 == 0
                        ? await clients[instance].GetAsync($"/api/v1/receipts/{receipt}/verify?resource={Uri.EscapeDataString(Resource)}")
                        : await clients[instance].PostAsJsonAsync("/verify", payment.V2());
                    answers.Enqueue(new Answer(instance, response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                        response.Headers.RetryAfter is not null, await response.Content.ReadAsStringAsync()));
                }
                catch (HttpRequestException failure)
                {
                    answers.Enqueue(new Answer(instance, 0, null, false, failure.ToString())); // no answer at all: fails the test below
                }
            }
        })).ToList();

        await Eventually.UntilAsync(() => Task.FromResult(answers.Count), n => n >= 60, TimeSpan.FromSeconds(60), "answers before the restart");
        var afterRestart = int.MaxValue;
        try
        {
            await fixture.Server.StopAsync();
            await Eventually.UntilAsync(() => Task.FromResult(answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)), n => n >= 20,
                TimeSpan.FromSeconds(60), "503 answers while PostgreSQL is down");
            await Eventually.UntilAsync(() => ScaleOutAsync(clients[1]), h => h.GetProperty("data").GetProperty("relay").GetString() == "reconnecting",
                TimeSpan.FromSeconds(60), "/healthz showing the relay reconnecting");
            await fixture.Server.RestartAsync();
            afterRestart = answers.Count;
            await Eventually.UntilAsync(() => Task.FromResult(answers.Skip(afterRestart).Where(a => a.Status == HttpStatusCode.OK).Select(a => a.Instance).Distinct().Count()),
                n => n == clients.Length, TimeSpan.FromSeconds(60), "instances answering 200 again");
        }
        catch (TimeoutException timeout)
        {
            // What each instance answered and logged, since the cause of a hang or a dead instance is there.
            var seen = string.Join("; ", answers.Skip(afterRestart == int.MaxValue ? 0 : afterRestart).GroupBy(a => (a.Instance, a.Status)).Select(g => $"{g.Key.Instance}/{(int)g.Key.Status}×{g.Count()}: {g.First().Body[..Math.Min(300, g.First().Body.Length)]}"));
            var exits = string.Join(", ", fixture.Instances.Select(i => i.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "running"));
            var failures = string.Join("; ", load.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!.GetType().Name + ": " + t.Exception.InnerException.Message));
            failures += string.Join("; ", answers.Where(a => a.Status == 0).Take(3).Select(a => a.Body[..Math.Min(400, a.Body.Length)]));
            throw new TimeoutException($"{timeout.Message}; after the restart: {seen}; total {answers.Count}; exits {exits}; workers failed: {failures}\n{string.Join("\n----\n", fixture.Instances.Select(i => i.Output.Tail(30)))}", timeout);
        }
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{(int)a.Status}: {a.Body}"));
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable), a =>
        {
            Assert.Equal("application/problem+json", a.ContentType);
            Assert.True(a.RetryAfter, "a 503 without Retry-After");
            using var problem = JsonDocument.Parse(a.Body);
            Assert.StartsWith("req_", problem.RootElement.GetProperty("requestId").GetString(), StringComparison.Ordinal);
        });
        // Everything resumed without a restart of P402: each instance settles (its signer lease, watcher and database pool are back).
        foreach (var client in clients)
        {
            await client.SettleConfirmedAsync(fixture.Chain);
        }
        Assert.True((await VerifyAsync(clients[1], receipt)).GetProperty("valid").GetBoolean());
        foreach (var client in clients)
        {
            var health = await Eventually.UntilAsync(() => ScaleOutAsync(client), h => h.GetProperty("data").GetProperty("relay").GetString() == "listening",
                TimeSpan.FromSeconds(60), "/healthz showing the relay listening again");
            var lease = health.GetProperty("data").EnumerateObject().Single(p => p.Name.StartsWith("lease eip155:8453:0x", StringComparison.Ordinal));
            Assert.Matches("^(held|yielding|waiting|idle)", lease.Value.GetString()); // this instance signed: its lease on the one key is shown
        }
    }

    /// <summary>The <c>scale-out</c> entry of <c>/healthz</c> (its body is the same JSON whether the whole answer is 200 or 503).</summary>
    private static async Task<JsonElement> ScaleOutAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/healthz");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("checks").GetProperty("scale-out");
    }
}
