using System.Numerics;
using Microsoft.Extensions.Logging;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Core.Chain.DevChain;

/// <summary>
/// A local Base look-alike for development and tests: anvil on a loopback port with chain id 8453,
/// DevUsdc at the Base USDC address, demo payers (anvil accounts 1–3) holding USDC, Multicall3 and a
/// smart-wallet factory (<see cref="DevSmartWallets"/>).
/// Account 0 is the facilitator's signer; account 9 mints. Dispose stops anvil.
/// </summary>
public sealed class DevChain : IAsyncDisposable
{
    /// <summary>Base mainnet's chain id, which the dev chain uses so configuration is the same.</summary>
    public const long BaseChainId = 8453;

    /// <summary>What each demo payer holds after start: 1,000,000 USDC in atomic units (6 decimals).</summary>
    public static readonly BigInteger PayerFunding = 1_000_000_000_000;

    private readonly AnvilProcess _anvil;
    private readonly HttpClient _http;

    private DevChain(AnvilProcess anvil, HttpClient http)
    {
        _anvil = anvil;
        _http = http;
        Rpc = new EthereumRpc(new JsonRpcClient(http, anvil.RpcUrl));
    }

    /// <summary>The USDC address on Base, where DevUsdc lives on the dev chain.</summary>
    public static readonly EthAddress BaseUsdcAddress = EthAddress.Parse("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913");

    public Uri RpcUrl => _anvil.RpcUrl;

    public long ChainId { get; } = BaseChainId;

    /// <summary>DevUsdc: name "USD Coin", version "2", 6 decimals, EIP-3009.</summary>
    public EthAddress UsdcAddress { get; } = BaseUsdcAddress;

    /// <summary>A client for this chain (shares the chain's HttpClient; valid until Dispose).</summary>
    public EthereumRpc Rpc { get; }

    /// <summary>Account 0: the facilitator's signer in development.</summary>
    public DevAccount Facilitator { get; } = DevAccounts.Facilitator;

    /// <summary>Accounts 1–3, each holding <see cref="PayerFunding"/> after start.</summary>
    public IReadOnlyList<DevAccount> Payers { get; } = DevAccounts.Payers;

    /// <summary>Account 9, DevUsdc's minter.</summary>
    public DevAccount Minter { get; } = DevAccounts.Minter;

    internal AnvilProcess Anvil => _anvil;

    /// <summary>Starts anvil, places DevUsdc and funds the payers; throws if any step fails (anvil is then stopped).</summary>
    public static async Task<DevChain> StartAsync(DevChainOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var anvilPath = options.ResolveAnvilPath();
        var code = await DevUsdcArtifact.ReadRuntimeBytecodeAsync(options.ResolveTokenArtifactPath(), cancellationToken);
        var wallets = await SmartWalletArtifacts.ReadAsync(options.ResolveSmartWalletsArtifactPath(), cancellationToken);
        var http = new HttpClient();
        AnvilProcess? anvil = null;
        try
        {
            anvil = await AnvilProcess.StartAsync(anvilPath, BaseChainId, options, http, logger, cancellationToken);
            var chain = new DevChain(anvil, http);
            var bootstrapper = new DevChainBootstrapper(chain.Rpc.Client, logger);
            await bootstrapper.PlaceTokenAsync(BaseUsdcAddress, code, cancellationToken);
            await bootstrapper.FundAsync(BaseUsdcAddress, DevAccounts.Payers.Select(payer => payer.Address), PayerFunding, cancellationToken);
            await DevSmartWallets.PlaceAsync(chain.Rpc.Client, wallets, logger, cancellationToken);
            return chain;
        }
        catch
        {
            if (anvil is not null)
            {
                await anvil.DisposeAsync();
            }
            http.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _anvil.DisposeAsync();
        _http.Dispose();
    }
}
