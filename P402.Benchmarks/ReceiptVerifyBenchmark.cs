using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Receipts;

namespace P402.Benchmarks;

/// <summary>
/// Core's receipt verify (one UPDATE … RETURNING, committed, per call) without HTTP: alone, and with
/// 64 callers at once on the same receipt, the worst case for SQLite's single writer.
/// </summary>
[MemoryDiagnoser]
public class ReceiptVerifyBenchmark
{
    private const int Operations = 1024;
    private BenchDatabase _database = null!;
    private ReceiptVerifier _verifier = null!;

    [Params(1, 64)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = await BenchDatabase.CreateAsync();
        _verifier = _database.Services.GetRequiredService<ReceiptVerifier>();
        var first = await _verifier.VerifyAsync(_database.MerchantId, _database.ReceiptId, BenchDatabase.Resource, CancellationToken.None);
        if (!first.Valid)
        {
            throw new InvalidOperationException($"The seeded receipt does not verify: {first.Code}.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _database.DisposeAsync();

    [Benchmark(OperationsPerInvoke = Operations, Description = "receipt verify (committed reuse)")]
    public async Task VerifyAsync()
    {
        var perWorker = Operations / Concurrency;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < perWorker; i++)
            {
                await _verifier.VerifyAsync(_database.MerchantId, _database.ReceiptId, BenchDatabase.Resource, CancellationToken.None);
            }
        })));
    }
}
