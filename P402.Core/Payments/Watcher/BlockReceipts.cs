using P402.Core.Chain.Rpc;

namespace P402.Core.Payments.Watcher;

/// <summary>
/// The receipts of the blocks that came since the watcher's last pass, one <c>eth_getBlockReceipts</c> per new block (normally one),
/// however many settlements wait: instead of one <c>eth_getTransactionReceipt</c> per waiting settlement per block.
/// Why a whole block's receipts and not the block's transaction list (which the head read could carry) and then receipts by hash: the
/// list saves only the asks for hashes not mined yet, and every mined settlement still costs its own receipt call; a block's
/// receipts cost one call for all of its settlements.
/// A waiting settlement's transaction is recorded before it is broadcast and the watcher lists the waiting ones after it reads the
/// head, so it is mined in a block after the last pass's head: in the blocks read here. Where that does not hold, or the node cannot
/// answer, the watcher asks by hash (<see cref="ScanAsync"/> returns null): the first pass, a reorg, a head that moved back or
/// jumped more than <see cref="MaxBlocks"/> blocks, a node without the method, a block it did not answer.
/// </summary>
internal sealed class BlockReceipts(IEthereumRpc rpc)
{
    public const int MaxBlocks = 8;
    private const int MethodNotFound = -32601;
    private long? _scannedThrough;
    private volatile bool _unsupported; // the node said it has no eth_getBlockReceipts: receipts by hash from then on

    /// <summary>
    /// The receipts, by transaction hash, of the blocks after the last scanned one through <paramref name="headNumber"/>; null when the
    /// waiting settlements must be asked about by hash. <see cref="Scanned"/> records the pass as done.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, TransactionReceipt>?> ScanAsync(long headNumber, bool reorged, CancellationToken cancellationToken)
    {
        if (_unsupported || reorged || _scannedThrough is not { } from || headNumber <= from || headNumber - from > MaxBlocks)
        {
            return null;
        }
        IReadOnlyList<TransactionReceipt>?[] blocks;
        try
        {
            blocks = await Task.WhenAll(Enumerable.Range(1, (int)(headNumber - from))
                .Select(i => rpc.GetBlockReceiptsAsync(HexQuantity.Format(from + i), cancellationToken)));
        }
        catch (JsonRpcException refused)
        {
            if (refused.Code == MethodNotFound || refused.RpcMessage.Contains("not supported", StringComparison.OrdinalIgnoreCase)
                || refused.RpcMessage.Contains("method not found", StringComparison.OrdinalIgnoreCase)
                || refused.RpcMessage.Contains("does not exist", StringComparison.OrdinalIgnoreCase))
            {
                _unsupported = true;
            }
            return null;
        }
        if (blocks.Any(b => b is null))
        {
            return null; // a block the node did not answer (behind the head it gave, a load balancer's other node): by hash this pass
        }
        var receipts = new Dictionary<string, TransactionReceipt>(StringComparer.OrdinalIgnoreCase);
        foreach (var receipt in blocks.SelectMany(b => b!))
        {
            receipts[receipt.TransactionHash] = receipt;
        }
        return receipts;
    }

    /// <summary>The pass that read through <paramref name="headNumber"/> is done: the next scan starts after it.</summary>
    public void Scanned(long headNumber) => _scannedThrough = headNumber;
}
