using System.Text.Json;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.DevChain;

/// <summary>devchain/build/SmartWallets.json as devchain/compile.mjs writes it: creation code by contract name.</summary>
internal sealed class SmartWalletArtifacts
{
    private readonly Dictionary<string, byte[]> _creationCode;

    private SmartWalletArtifacts(Dictionary<string, byte[]> creationCode) => _creationCode = creationCode;

    public byte[] CreationCode(string contract) =>
        _creationCode.TryGetValue(contract, out var code) ? code : throw new InvalidDataException($"SmartWallets.json has no {contract}; run devchain/setup.sh.");

    public static async Task<SmartWalletArtifacts> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The smart-wallet contracts are not compiled; run devchain/setup.sh.", path);
        }
        await using var stream = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken);
        var codes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var contract in document.RootElement.GetProperty("contracts").EnumerateObject())
        {
            codes[contract.Name] = Hex.Decode(contract.Value.GetProperty("bytecode").GetString());
        }
        return new SmartWalletArtifacts(codes);
    }
}
