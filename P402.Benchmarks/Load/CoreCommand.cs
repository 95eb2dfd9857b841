using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Receipts;

namespace P402.Benchmarks.Load;

/// <summary>
/// <c>core receipt-verify [--ops 20000] [--concurrency 1]</c>: Core's receipt verify without HTTP, on a
/// fresh SQLite file, reporting wall time and this process's CPU time per operation. CPU per
/// operation stays meaningful on a machine shared with other work, where wall time does not.
/// </summary>
internal static class CoreCommand
{
    public const string Name = "core";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var ops = Option(args, "--ops", 20_000);
        var concurrency = Option(args, "--concurrency", 1);
        if (args is not ["receipt-verify", ..])
        {
            await output.WriteLineAsync("usage: core receipt-verify [--ops 20000] [--concurrency 1]");
            return 2;
        }
        await using var database = await BenchDatabase.CreateAsync();
        var verifier = database.Services.GetRequiredService<ReceiptVerifier>();
        Task<long> Run(int count) => RunAsync(verifier, database, count, concurrency);
        await Run(Math.Min(ops, 2_000)); // warm-up: JIT, pools
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var valid = await Run(ops);
        var wall = Stopwatch.GetElapsedTime(started);
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"core receipt-verify: {ops} ops ({valid} valid), concurrency {concurrency}: {ops / wall.TotalSeconds:0} ops/s, wall {wall.TotalMicroseconds / ops:0.0} µs/op, CPU {used.TotalMicroseconds / ops:0.0} µs/op; load average {LoadReport.LoadAverage()}"));
        return 0;
    }

    private static async Task<long> RunAsync(ReceiptVerifier verifier, BenchDatabase database, int ops, int concurrency)
    {
        long valid = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < ops / concurrency; i++)
            {
                var result = await verifier.VerifyAsync(database.MerchantId, database.ReceiptId, BenchDatabase.Resource, CancellationToken.None);
                if (result.Valid)
                {
                    Interlocked.Increment(ref valid);
                }
            }
        })));
        return valid;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
