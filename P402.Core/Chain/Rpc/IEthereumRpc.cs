using System.Numerics;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.Rpc;

/// <summary>
/// The few node calls the facilitator needs. Every method throws <see cref="RpcUnavailableException"/>
/// when the node can't be asked and <see cref="JsonRpcException"/> when it refuses;
/// <see cref="CallAsync"/> and <c>EstimateGasAsync</c> throw <see cref="ContractRevertException"/> on a revert.
/// </summary>
public interface IEthereumRpc
{
    Task<long> ChainIdAsync(CancellationToken cancellationToken = default);

    Task<long> BlockNumberAsync(CancellationToken cancellationToken = default);

    /// <summary>The account's ETH balance in wei.</summary>
    Task<BigInteger> GetBalanceAsync(EthAddress address, CancellationToken cancellationToken = default);

    /// <summary>The account's nonce; <see cref="BlockTag.Pending"/> counts transactions still in the pool.</summary>
    Task<long> GetTransactionCountAsync(EthAddress address, string blockTag = BlockTag.Pending, CancellationToken cancellationToken = default);

    Task<BigInteger> GasPriceAsync(CancellationToken cancellationToken = default);

    /// <summary>The base fee per gas of the latest block, in wei.</summary>
    Task<BigInteger> GetLatestBaseFeeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The base fee per gas of the block at <paramref name="blockTag"/> in wei (of <see cref="BlockTag.Pending"/>: the one the next
    /// transaction meets), or null when the node has no such block or gives it no base fee.
    /// </summary>
    Task<BigInteger?> GetBaseFeeAsync(string blockTag, CancellationToken cancellationToken = default);

    /// <summary>The block at <paramref name="blockTag"/> (a tag, or a number as <see cref="HexQuantity.Format(long)"/>), or null when there is none.</summary>
    Task<BlockHeader?> GetBlockHeaderAsync(string blockTag, CancellationToken cancellationToken = default);

    Task<BigInteger> MaxPriorityFeePerGasAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs a read-only call (by default against the latest block) and returns the raw return data.</summary>
    Task<byte[]> CallAsync(EthAddress contract, byte[] data, EthAddress? from = null, string blockTag = BlockTag.Latest,
        CancellationToken cancellationToken = default);

    Task<long> EstimateGasAsync(EthAddress contract, byte[] data, EthAddress? from = null, CancellationToken cancellationToken = default);

    /// <summary>The gas of the call against the state of <paramref name="blockTag"/> (verify's simulation, at the pending block).</summary>
    Task<long> EstimateGasAsync(EthAddress contract, byte[] data, EthAddress? from, string blockTag, CancellationToken cancellationToken = default);

    /// <summary>Broadcasts a signed transaction and returns its hash (0x-prefixed, lower case).</summary>
    Task<string> SendRawTransactionAsync(byte[] signedTransaction, CancellationToken cancellationToken = default);

    /// <summary>The receipt, or null while the transaction is not mined (or unknown).</summary>
    Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken = default);

    /// <summary>Every receipt of the block at <paramref name="blockTag"/> (<c>eth_getBlockReceipts</c>), or null when the node has no such block.</summary>
    Task<IReadOnlyList<TransactionReceipt>?> GetBlockReceiptsAsync(string blockTag, CancellationToken cancellationToken = default);

    /// <summary>The transaction, or null when the node doesn't know it.</summary>
    Task<RpcTransaction?> GetTransactionByHashAsync(string transactionHash, CancellationToken cancellationToken = default);
}
