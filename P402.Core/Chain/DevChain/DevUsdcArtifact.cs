using System.Text.Json;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.DevChain;

/// <summary>devchain/build/DevUsdc.json as devchain/compile.mjs writes it.</summary>
internal static class DevUsdcArtifact
{
    public static async Task<byte[]> ReadRuntimeBytecodeAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("DevUsdc is not compiled; run devchain/setup.sh.", path);
        }
        await using var stream = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken);
        if (!document.RootElement.TryGetProperty("runtimeBytecode", out var code)
            || !Hex.TryDecode(code.GetString(), out var bytes) || bytes.Length == 0)
        {
            throw new InvalidDataException($"{path} has no runtimeBytecode; run devchain/setup.sh.");
        }
        return bytes;
    }
}
