using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using P402.Core.Chain.DevChain;

namespace P402.Tests.EndToEnd;

/// <summary>
/// Runs <c>sdk/js/e2e/pay.mjs</c> (the built <c>@p402/sdk</c>) in a real node process and returns its JSON line
/// per <c>p402Fetch</c> call. The payer key goes through the environment, not the command line. With a
/// <see cref="SmartAccountPayer"/> the key owns a smart account on the chain, and the account pays.
/// </summary>
internal static class NodePayer
{
    public static async Task<IReadOnlyList<PayLine>> PayAsync(Uri url, string payerKey, long maxAmount = 10_000, int x402Version = 2,
        int count = 1, string? receiptStorePath = null, SmartAccountPayer? smartAccount = null)
    {
        var root = RepositoryRoot.Find();
        var sdk = Path.Combine(root, "sdk", "js");
        if (!File.Exists(Path.Combine(sdk, "dist", "index.js")) || !Directory.Exists(Path.Combine(sdk, "node_modules", "viem")))
        {
            throw new InvalidOperationException("sdk/js is not built: run `bash scripts/setup.sh` (npm ci && npm run build in sdk/js).");
        }
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = sdk,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(sdk, "e2e", "pay.mjs"), "--url", url.AbsoluteUri, "--max", maxAmount.ToString(CultureInfo.InvariantCulture),
            "--x402-version", x402Version.ToString(CultureInfo.InvariantCulture), "--count", count.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }
        if (receiptStorePath is not null)
        {
            start.ArgumentList.Add("--store");
            start.ArgumentList.Add(receiptStorePath);
        }
        if (smartAccount is not null)
        {
            foreach (var argument in new[] { "--smart-account-factory", smartAccount.Factory, "--salt", smartAccount.Salt, "--rpc", smartAccount.RpcUrl.AbsoluteUri })
            {
                start.ArgumentList.Add(argument);
            }
        }
        start.Environment["P402_PAYER_KEY"] = payerKey;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pay.mjs did not finish in 90 s. stderr: {await stderr}");
        }
        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pay.mjs exited with {process.ExitCode}.\nstdout: {output}\nstderr: {await stderr}");
        }
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => new PayLine(JsonDocument.Parse(line).RootElement.Clone()))
            .ToList();
        Assert.True(lines.Count == count, $"Expected {count} lines from pay.mjs, got:\n{output}\nstderr: {await stderr}");
        return lines;
    }
}
