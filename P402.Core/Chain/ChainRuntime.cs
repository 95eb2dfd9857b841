using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using DevChainNode = P402.Core.Chain.DevChain.DevChain;

namespace P402.Core.Chain;

/// <summary>
/// The networks P402 talks to, made ready by an explicit start-up step: in Dev mode it starts the
/// local anvil chain (and stops it when the host disposes this singleton); in Rpc mode it connects
/// to the configured nodes. The facilitator key is loaded here and never leaves this object's graph.
/// </summary>
public sealed class ChainRuntime(IOptions<ChainOptions> options, IOptions<DevChainOptions> devOptions, TimeProvider time, ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        MaxConnectionsPerServer = 128,
    });

    private DevChainNode? _devChain;
    private IReadOnlyList<PaymentNetwork> _networks = [];

    public IReadOnlyList<PaymentNetwork> Networks => _networks;

    /// <summary>The dev chain when Mode is Dev (playground, demo payers); otherwise null.</summary>
    public DevChainNode? DevChain => _devChain;

    public EthAddress FacilitatorAddress { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var chain = options.Value;
        var networks = chain.EffectiveNetworks;
        string? keyHex = chain.FacilitatorPrivateKey;
        if (chain.Mode == ChainMode.Dev)
        {
            _devChain = await DevChainNode.StartAsync(devOptions.Value, loggers.CreateLogger<DevChainNode>(), cancellationToken);
            var devNetwork = WithRpc(NetworkOptions.BaseMainnet(), _devChain.RpcUrl.ToString(), explorer: null);
            devNetwork.WalletFactories = [DevSmartWallets.Factory.ToString()];
            networks = [devNetwork];
            keyHex ??= _devChain.Facilitator.PrivateKey;
        }
        var key = EthKey.Parse(keyHex ?? throw new InvalidOperationException("Chain:FacilitatorPrivateKey is required in Rpc mode (environment variable Chain__FacilitatorPrivateKey or user-secrets)."));
        FacilitatorAddress = key.Address;
        var timeout = TimeSpan.FromSeconds(chain.RpcTimeoutSeconds);
        var started = new List<PaymentNetwork>();
        foreach (var network in networks)
        {
            var url = network.RpcUrl ?? throw new InvalidOperationException($"Network {network.Network} has no RpcUrl.");
            var rpc = new EthereumRpc(new JsonRpcClient(_http, new Uri(url), timeout));
            started.Add(new PaymentNetwork(network, rpc, key, chain, time));
        }
        _networks = started;
    }

    public async ValueTask DisposeAsync()
    {
        if (_devChain is not null)
        {
            await _devChain.DisposeAsync();
            _devChain = null;
        }
        _http.Dispose();
    }

    private static NetworkOptions WithRpc(NetworkOptions network, string rpcUrl, string? explorer)
    {
        network.RpcUrl = rpcUrl;
        network.ExplorerTxUrl = explorer;
        return network;
    }
}
