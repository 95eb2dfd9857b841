using System.Collections.Concurrent;
using System.Numerics;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Chain.Signers;

namespace P402.Core.Chain;

/// <summary>One configured network: its node, its tokens' EIP-712 domains, the facilitator's nonces there.</summary>
public sealed class PaymentNetwork
{
    /// <summary>
    /// Verify reads the state the settlement will meet: the next block. Its time is the node's now, so an
    /// authorization that became valid after the last block is not refused (an idle automine chain's last
    /// block can be hours old), and a transfer of the same authorization waiting in the pool counts as used.
    /// A node that refuses the pending block is asked about the latest one from then on.
    /// </summary>
    private volatile string _verifyBlock = BlockTag.Pending;

    private readonly ConcurrentDictionary<EthAddress, byte[]> _domainSeparators = new();
    private readonly GasPriceCache _gasPrice;
    private readonly FeeQuoteCache _fees;
    private volatile bool _batchRefused;

    internal PaymentNetwork(NetworkOptions options, IEthereumRpc rpc, IReadOnlyList<EthKey> signers, ChainOptions chain, ISignerLeases leases,
        TimeProvider time)
    {
        Options = options;
        Rpc = rpc;
        Signers = new SignerPool(options.Network, signers, rpc, leases, ChainUnits.EthToWei(chain.LowBalanceEth), time,
            TimeSpan.FromSeconds(chain.SignerBalanceRefreshSeconds));
        _gasPrice = new GasPriceCache(rpc, time, TimeSpan.FromSeconds(chain.GasPriceCacheSeconds));
        _fees = new FeeQuoteCache(rpc, time, TimeSpan.FromSeconds(chain.GasPriceCacheSeconds));
    }

    public NetworkOptions Options { get; }

    /// <summary>CAIP-2 name, e.g. <c>eip155:8453</c>.</summary>
    public string Network => Options.Network;

    public IEthereumRpc Rpc { get; }

    /// <summary>The network's facilitator keys, each with its own nonce sequence.</summary>
    internal SignerPool Signers { get; }
    /// <summary>The block verify reads (pending, or latest on a node that refuses pending).</summary>
    internal string VerifyBlock => _verifyBlock;

    /// <summary>The node refused the pending block and answered about the latest: verify reads the latest from then on.</summary>
    internal void VerifyAtLatest() => _verifyBlock = BlockTag.Latest;

    /// <summary>The node refused a JSON-RPC batch once: verify's reads go call by call from then on.</summary>
    internal bool BatchRefused
    {
        get => _batchRefused;
        set => _batchRefused = value;
    }

    /// <summary>The first key: the sender of verify's simulated transfer (any key simulates alike).</summary>
    internal EthKey Signer => Signers.Accounts[0].Key;

    /// <summary>Every signer address on this network, for <c>/supported</c>.</summary>
    public IReadOnlyList<EthAddress> SignerAddresses => [.. Signers.Accounts.Select(a => a.Address)];

    public bool SupportsAsset(EthAddress asset) => FindAsset(asset) is not null;

    public AssetOptions? FindAsset(EthAddress asset) =>
        Options.Assets.FirstOrDefault(a => EthAddress.TryParse(a.Address, out var configured) && configured == asset);

    /// <summary>The EIP-712 digest the payer signed, in the configured token's own domain.</summary>
    public byte[] Digest(EthAddress asset, TransferAuthorization authorization)
    {
        var domain = _domainSeparators.GetOrAdd(asset, static (address, network) =>
        {
            var token = network.FindAsset(address)!;
            return Eip712.DomainSeparator(token.Name, token.Version, network.Options.ChainId, address);
        }, this);
        return Eip712.Digest(domain, Eip712.TransferWithAuthorizationStructHash(authorization));
    }

    public Task<long> GasPriceAsync(CancellationToken cancellationToken) => _gasPrice.GetAsync(cancellationToken);

    /// <summary>The latest base fee and the priority fee (wei), shared by the settlements of one period (<see cref="ChainOptions.GasPriceCacheSeconds"/>).</summary>
    internal Task<(BigInteger BaseFee, BigInteger Tip)> FeeQuoteAsync(CancellationToken cancellationToken) => _fees.GetAsync(cancellationToken);

    /// <summary>A fee quote from the pending block, for a send refused as priced below the base fee (<see cref="FeeQuoteCache.RefreshAsync"/>).</summary>
    internal Task<(BigInteger BaseFee, BigInteger Tip)> FreshFeeQuoteAsync(CancellationToken cancellationToken) => _fees.RefreshAsync(cancellationToken);

    /// <summary>
    /// A simulated transfer, the gas price from the cache. Only when the simulation reverts are the replay state and the balance
    /// read (one JSON-RPC batch; two calls in parallel where the node refuses batches), to name the refusal: a used nonce, a
    /// short balance. <paramref name="simulation"/> says how: a settlement's as <c>eth_estimateGas</c> (a passing one gives the
    /// transaction's gas, so the submitter asks no second estimate), a <c>/verify</c>'s as <c>eth_call</c> (one EVM run: an
    /// estimate's search costs the node about four times the CPU, measured on anvil: 1.24 against 0.29 ms per verify).
    /// </summary>
    public async Task<TokenState> ReadTokenStateAsync(EthAddress asset, TransferAuthorization authorization, EcdsaSignature signature,
        Simulation simulation, CancellationToken cancellationToken)
    {
        var gasPrice = GasPriceAsync(cancellationToken);
        var calls = ReadCallsAsync(asset, authorization, signature, simulation, cancellationToken);
        await Task.WhenAll(calls, gasPrice);
        var (used, balance, simulationRevert, gas) = await calls;
        return new TokenState(used, balance, await gasPrice, simulationRevert, gas);
    }

    private async Task<(bool Used, BigInteger? Balance, string? SimulationRevert, long? Gas)> ReadCallsAsync(
        EthAddress asset, TransferAuthorization authorization, EcdsaSignature signature, Simulation simulation, CancellationToken cancellationToken)
    {
        var block = _verifyBlock;
        try
        {
            return await ReadCallsAtAsync(block, asset, authorization, signature, simulation, cancellationToken);
        }
        catch (JsonRpcException refused) when (block != BlockTag.Latest && !refused.IsExecutionReverted)
        {
            var answers = await ReadCallsAtAsync(BlockTag.Latest, asset, authorization, signature, simulation, cancellationToken);
            VerifyAtLatest(); // only once the latest block has answered: a passing error changes nothing
            return answers;
        }
    }

    private async Task<(bool Used, BigInteger? Balance, string? SimulationRevert, long? Gas)> ReadCallsAtAsync(
        string block, EthAddress asset, TransferAuthorization authorization, EcdsaSignature signature, Simulation simulation,
        CancellationToken cancellationToken)
    {
        string revert;
        try
        {
            var transfer = TokenCalls.TransferWithAuthorization(authorization, signature);
            long? gas = simulation == Simulation.EstimateGas
                ? await Rpc.EstimateGasAsync(asset, transfer, Signer.Address, block, cancellationToken)
                : await CallForNoGasAsync(asset, transfer, block, cancellationToken);
            return (false, null, null, gas); // it would not pass with the nonce used or the balance short
        }
        catch (ContractRevertException reverted)
        {
            revert = reverted.Reason ?? TokenStateBatch.SimulationReverted;
        }
        var (used, balance) = await ReadUsedAndBalanceAsync(block, asset, authorization, cancellationToken);
        return (used, balance, revert, null);
    }

    private async Task<long?> CallForNoGasAsync(EthAddress asset, byte[] transfer, string block, CancellationToken cancellationToken)
    {
        await Rpc.CallAsync(asset, transfer, Signer.Address, block, cancellationToken);
        return null;
    }

    private async Task<(bool Used, BigInteger Balance)> ReadUsedAndBalanceAsync(string block, EthAddress asset, TransferAuthorization authorization,
        CancellationToken cancellationToken)
    {
        if (Rpc is EthereumRpc { Client: var client } && !_batchRefused)
        {
            if (await TokenStateBatch.TryReadAsync(client, asset, authorization, block, cancellationToken) is { } batched)
            {
                return batched;
            }
            _batchRefused = true;
        }
        var used = Rpc.CallAsync(asset, TokenCalls.AuthorizationState(authorization.From, authorization.Nonce), blockTag: block, cancellationToken: cancellationToken);
        var balance = Rpc.CallAsync(asset, TokenCalls.BalanceOf(authorization.From), blockTag: block, cancellationToken: cancellationToken);
        await Task.WhenAll(used, balance);
        return (Abi.DecodeBool(await used), Abi.DecodeUint256(await balance));
    }

    internal static long ToLong(BigInteger value) => value > long.MaxValue ? long.MaxValue : (long)value;
}
