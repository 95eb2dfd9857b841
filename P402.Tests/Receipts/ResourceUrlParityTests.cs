using System.Diagnostics;
using System.Text.Json;
using P402.Core.Receipts;

namespace P402.Tests.Receipts;

/// <summary>
/// The JS SDK (sdk/js/src/resource.ts, built by scripts/setup.sh) keys its receipt store with the same rule
/// as the server: both normalisers run over one table of URLs and must give the same answers. The cases
/// where they still differ are listed in P402.Core/Receipts/README.md.
/// </summary>
public sealed class ResourceUrlParityTests
{
    private static readonly string[] Cases =
    [
        "HTTPS://API.Example.COM/Weather",
        "https://api.example.com:443/a",
        "http://api.example.com:80/a",
        "https://api.example.com:80/a",
        "http://api.example.com:443/a",
        "https://api.example.com:8443/a",
        "https://api.example.com:0443/a",
        "https://api.example.com/a/",
        "https://api.example.com/a//",
        "https://api.example.com",
        "https://api.example.com/",
        "https://api.example.com//",
        "https://api.example.com?x=1",
        "https://api.example.com/a?b=1&a=2",
        "https://api.example.com/a?a=2&b=1",
        "https://api.example.com/a/?x=1",
        "https://api.example.com/a?x=1+2&y=%2F",
        "https://api.example.com/a?",
        "https://api.example.com/a?#top",
        "https://api.example.com/a#frag",
        "https://api.example.com/a?x=1#frag",
        "https://user:secret@api.example.com/a",
        "https://münchen.example/wetter",
        "https://MÜNCHEN.example/wetter",
        "https://api.example.com/café",
        "https://api.example.com/caf%C3%A9",
        "https://api.example.com/a%2Fb",
        "https://api.example.com/a/../b",
        "https://api.example.com/a/./b",
        "https://api.example.com/a/%2e%2e/b",
        "https://api.example.com/a b",
        "https://api.example.com/a?q=a b",
        "https://api.example.com/a?q=\"x\"",
        "https://api.example.com/a?q=é",
        "http://[::1]:8080/a",
        "http://[2001:DB8::1]/a",
        "http://127.0.0.1:5000/a",
        "http://localhost:5000/a",
        "/weather",
        "weather",
        "https://api.example.com:99999/a",
    ];

    [Fact]
    public async Task NormalizeResourceUrl_SameTableAsServer_SameAnswers()
    {
        var js = await RunSdkAsync(Cases);
        var mismatches = Cases
            .Select((url, i) => (url, server: ResourceUrl.TryNormalize(url, out var n) ? n : null, sdk: js[i]))
            .Where(c => c.server != c.sdk)
            .Select(c => $"{c.url}: server {c.server ?? "refuses"}, SDK {c.sdk ?? "refuses"}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    private static async Task<string?[]> RunSdkAsync(string[] urls)
    {
        var module = Path.Combine(RepositoryRoot(), "sdk", "js", "dist", "resource.js");
        Assert.True(File.Exists(module), $"{module} is missing: run scripts/setup.sh (it builds the SDK).");
        const string Script = """
            const { normalizeResourceUrl } = await import(process.argv[1]);
            let input = '';
            for await (const chunk of process.stdin) input += chunk;
            const out = JSON.parse(input).map(u => { try { return normalizeResourceUrl(u); } catch { return null; } });
            process.stdout.write(JSON.stringify(out));
            """;
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--input-type=module", "-e", Script, new Uri(module).AbsoluteUri })
        {
            start.ArgumentList.Add(argument);
        }
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(JsonSerializer.Serialize(urls));
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        var error = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, error);
        return JsonSerializer.Deserialize<string?[]>(output)!;
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
}
