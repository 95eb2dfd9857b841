using System.Diagnostics;
using P402.Tests.Infrastructure;

namespace P402.Tests.Settling;

/// <summary>
/// A malformed signer key stops the real app at start with a message naming the setting: exit code 1,
/// no stack trace, and no part of the key in the output.
/// </summary>
public sealed class SignerKeyStartupTests
{
    private const string Marker = "c0ffee5ec12e7";

    [Fact]
    public async Task Start_MalformedSignerKeys_RefusedNamingEachSettingWithoutTheValueOrAStackTrace()
    {
        var database = TestTemp.NewPath("p402-keys", ".db");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "P402.Dashboard.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__ConnectionString"] = $"Data Source={database}";
        start.Environment["Chain__Mode"] = "Rpc";
        start.Environment["Chain__Networks__0__Network"] = "eip155:8453";
        start.Environment["Chain__Networks__0__V1Name"] = "base";
        start.Environment["Chain__Networks__0__ChainId"] = "8453";
        start.Environment["Chain__Networks__0__RpcUrl"] = "http://127.0.0.1:9/";
        start.Environment["Chain__FacilitatorPrivateKey"] = $"0x{Marker}not-hex";
        start.Environment["Chain__FacilitatorPrivateKeys__0"] = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
        start.Environment["Chain__FacilitatorPrivateKeys__1"] = $"{Marker}{new string('a', 50)}"; // 63 hex digits: not 32 bytes

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        File.Delete(database);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("Chain:FacilitatorPrivateKey is not a private key", output, StringComparison.Ordinal);
        Assert.Contains("Chain:FacilitatorPrivateKeys:1 is not a private key", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Chain:FacilitatorPrivateKeys:0", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.OrdinalIgnoreCase);
    }
}
