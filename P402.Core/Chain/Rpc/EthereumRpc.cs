using System.Numerics;
using System.Text.Json;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.Rpc;

/// <summary><see cref="IEthereumRpc"/> over one node's JSON-RPC endpoint.</summary>
public sealed class EthereumRpc : IEthereumRpc
{
    private static readonly Func<JsonElement, BigInteger> ReadQuantity = RpcJson.Quantity;
    private static readonly Func<JsonElement, long> ReadInt64 = RpcJson.Int64;
    private static readonly Func<JsonElement, byte[]> ReadBytes = RpcJson.Bytes;
    private static readonly Func<JsonElement, string> ReadString =
        static result => result.GetString() ?? throw new EthereumFormatException("Expected a string result.");

    private readonly JsonRpcClient _client;

    public EthereumRpc(JsonRpcClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    public JsonRpcClient Client => _client;

    public Task<long> ChainIdAsync(CancellationToken cancellationToken = default) =>
        _client.CallAsync("eth_chainId", null, ReadInt64, cancellationToken: cancellationToken);

    public Task<long> BlockNumberAsync(CancellationToken cancellationToken = default) =>
        _client.CallAsync("eth_blockNumber", null, ReadInt64, cancellationToken: cancellationToken);

    public Task<BigInteger> GetBalanceAsync(EthAddress address, CancellationToken cancellationToken = default) =>
        _client.CallAsync("eth_getBalance", [address, BlockTag.Latest], ReadQuantity, cancellationToken: cancellationToken);

    public Task<long> GetTransactionCountAsync(EthAddress address, string blockTag = BlockTag.Pending,
        CancellationToken cancellationToken = default) =>
        _client.CallAsync("eth_getTransactionCount", [address, blockTag], ReadInt64, cancellationToken: cancellationToken);

    public Task<BigInteger> GasPriceAsync(CancellationToken cancellationToken = default) =>
        _client.CallAsync("eth_gasPrice", null, ReadQuantity, cancellationToken: cancellationToken);

    public Task<BigInteger> GetLatestBaseFeeAsync(CancellationToken cancellationToken = default) =>
        _client.CallAsync("eth_getBlockByNumber", [BlockTag.Latest, false],
            static block => block.ValueKind == JsonValueKind.Null
                ? throw new InvalidOperationException("The node has no latest block.")
                : RpcJson.OptionalQuantity(block, "baseFeePerGas") ?? BigInteger.Zero,
            cancellationToken: cancellationToken);

    public Task<BigInteger?> GetBaseFeeAsync(string blockTag, CancellationToken cancellationToken = default) =>
        _client.CallAsync("eth_getBlockByNumber", [blockTag, false],
            static block => block.ValueKind == JsonValueKind.Null ? null : RpcJson.OptionalQuantity(block, "baseFeePerGas"),
            cancellationToken: cancellationToken);

    public Task<BlockHeader?> GetBlockHeaderAsync(string blockTag, CancellationToken cancellationToken = default) =>
        _client.CallAsync("eth_getBlockByNumber", [blockTag, false], BlockHeader.Read, cancellationToken: cancellationToken);

    public Task<BigInteger> MaxPriorityFeePerGasAsync(CancellationToken cancellationToken = default) =>
        _client.CallAsync("eth_maxPriorityFeePerGas", null, ReadQuantity, cancellationToken: cancellationToken);

    public async Task<byte[]> CallAsync(EthAddress contract, byte[] data, EthAddress? from = null, string blockTag = BlockTag.Latest,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await _client.CallAsync("eth_call", [CallObject(contract, data, from), blockTag], ReadBytes,
                cancellationToken: cancellationToken);
        }
        catch (JsonRpcException exception) when (exception.IsExecutionReverted)
        {
            throw ToRevert(exception);
        }
    }

    public Task<long> EstimateGasAsync(EthAddress contract, byte[] data, EthAddress? from = null, CancellationToken cancellationToken = default) =>
        EstimateAsync([CallObject(contract, data, from)], cancellationToken);

    public Task<long> EstimateGasAsync(EthAddress contract, byte[] data, EthAddress? from, string blockTag, CancellationToken cancellationToken = default) =>
        EstimateAsync([CallObject(contract, data, from), blockTag], cancellationToken);

    private async Task<long> EstimateAsync(object?[] parameters, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.CallAsync("eth_estimateGas", parameters, ReadInt64, cancellationToken: cancellationToken);
        }
        catch (JsonRpcException exception) when (exception.IsExecutionReverted)
        {
            throw ToRevert(exception);
        }
    }

    public Task<string> SendRawTransactionAsync(byte[] signedTransaction, CancellationToken cancellationToken = default) =>
        _client.CallAsync("eth_sendRawTransaction", [signedTransaction], ReadString, cancellationToken: cancellationToken);

    public Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken = default) =>
        _client.CallAsync("eth_getTransactionReceipt", [transactionHash], TransactionReceipt.Read, cancellationToken: cancellationToken);

    public Task<IReadOnlyList<TransactionReceipt>?> GetBlockReceiptsAsync(string blockTag, CancellationToken cancellationToken = default) =>
        _client.CallAsync("eth_getBlockReceipts", [blockTag], static result => result.ValueKind == JsonValueKind.Null
            ? null
            : (IReadOnlyList<TransactionReceipt>?)[.. result.EnumerateArray().Select(r => TransactionReceipt.Read(r)!)],
            cancellationToken: cancellationToken);

    public Task<RpcTransaction?> GetTransactionByHashAsync(string transactionHash, CancellationToken cancellationToken = default) =>
        _client.CallAsync("eth_getTransactionByHash", [transactionHash], RpcTransaction.Read, cancellationToken: cancellationToken);

    private static Dictionary<string, object?> CallObject(EthAddress contract, byte[] data, EthAddress? from)
    {
        var call = new Dictionary<string, object?>(3) { ["to"] = contract, ["data"] = data };
        if (from is { } sender)
        {
            call["from"] = sender;
        }
        return call;
    }

    private static ContractRevertException ToRevert(JsonRpcException exception)
    {
        exception.TryGetRevertData(out var revertData);
        return new ContractRevertException(revertData, Abi.TryDecodeRevertReason(revertData, out var reason) ? reason : null, exception);
    }
}
