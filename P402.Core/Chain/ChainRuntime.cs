using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Chain.RpcFailover;
using P402.Core.Chain.Signers;
using DevChainNode = P402.Core.Chain.DevChain.DevChain;

namespace P402.Core.Chain;

/// <summary>
/// The networks P402 talks to, made ready by an explicit start-up step: in Dev mode it starts the
/// local anvil chain (and stops it when the host disposes this singleton); in Rpc mode it connects
/// to the configured nodes. The facilitator key is loaded here and never leaves this object's graph.
/// </summary>
public sealed class ChainRuntime(IOptions<ChainOptions> options, IOptions<DevChainOptions> devOptions, ISignerLeases leases, TimeProvider time,
    ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly SocketsHttpHandler _sockets = new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        MaxConnectionsPerServer = 128,
    };

    private readonly List<HttpClient> _clients = [];

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
        var keys = SignerKeySettings.Parse(chain);
        if (chain.Mode == ChainMode.Dev)
        {
            _devChain = await DevChainNode.StartAsync(devOptions.Value, loggers.CreateLogger<DevChainNode>(), cancellationToken);
            var devNetwork = WithRpc(NetworkOptions.BaseMainnet(), _devChain.RpcUrl.ToString(), explorer: null);
            devNetwork.WalletFactories = [DevSmartWallets.Factory.ToString()];
            networks = [devNetwork];
            keys = keys.Count > 0 ? keys : [EthKey.Parse(_devChain.Facilitator.PrivateKey)];
        }
        FacilitatorAddress = keys[0].Address;
        var timeout = TimeSpan.FromSeconds(chain.RpcTimeoutSeconds);
        var started = new List<PaymentNetwork>();
        foreach (var network in networks)
        {
            var urls = network.AllRpcUrls.Count > 0 ? network.AllRpcUrls : throw new InvalidOperationException($"Network {network.Network} has no RpcUrl.");
            var failover = new RpcFailoverHandler([.. urls.Select(u => new RpcEndpoint(new Uri(u)))],
                new RpcFailoverOptions(chain.RpcAttempts, TimeSpan.FromSeconds(chain.RpcAttemptTimeoutSeconds), TimeSpan.FromSeconds(2)), time)
            {
                InnerHandler = _sockets,
            };
            var http = new HttpClient(failover, disposeHandler: false);
            _clients.Add(http);
            var rpc = new EthereumRpc(new JsonRpcClient(http, new Uri(urls[0]), timeout));
            started.Add(new PaymentNetwork(network, rpc, keys, chain, leases, time));
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
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        _sockets.Dispose();
    }

    private static NetworkOptions WithRpc(NetworkOptions network, string rpcUrl, string? explorer)
    {
        network.RpcUrl = rpcUrl;
        network.ExplorerTxUrl = explorer;
        return network;
    }
}
