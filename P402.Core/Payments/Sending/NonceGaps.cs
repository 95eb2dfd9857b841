using System.Numerics;
using Microsoft.Extensions.Logging;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Chain.Signers;

namespace P402.Core.Payments.Sending;

/// <summary>
/// A nonce handed out and then not used (the store failed, the node refused the transaction, the process died
/// between taking it and sending) leaves a gap: the key's later transactions wait in the pool behind it for
/// ever. For a key whose stuck settlements all sit above its mined nonce, every nonce in between that no live
/// attempt holds is filled with a 0-value transfer to the key itself.
/// Why a self-transfer and not the next settlement: the next settlement may never come (the gap stalls the
/// ones already sent, not future ones), and a settlement given an old nonce may be refused as too low if the
/// missing transaction shows up after all; a self-transfer costs 21,000 gas, pays no one and is harmless
/// whichever transaction wins the nonce (a late settlement signed with it is re-signed with a fresh nonce).
/// A nonce is filled only once it has been a gap for <see cref="ChainOptions.StuckAfterBlocks"/> blocks and
/// <see cref="ChainOptions.RpcTimeoutSeconds"/>: on a fast chain blocks pass while a concurrent send is still
/// between taking its nonce and recording its transaction, and that is not a gap.
/// A filler is recorded as a <see cref="AttemptOutcome.GapFill"/> attempt of the stuck settlement that waited behind it and followed
/// to its receipt (<see cref="FollowFillsAsync"/>): its gas is the facilitator's ETH and counts in that merchant's gas total.
/// </summary>
internal sealed class NonceGaps(PaymentNetwork network, SettlementStore store, ChainOptions options, TimeProvider time, ILogger logger)
{
    private const int MaxFillsPerPass = 16;
    private const long SelfTransferGas = 21_000;
    private readonly Dictionary<(string Signer, long Nonce), (long Head, long At)> _seen = [];
    private bool _fillsToFollow = true; // at start a previous run may have left some

    /// <summary>Looks at the keys of <paramref name="stuck"/> (settlements unmined for <see cref="ChainOptions.StuckAfterBlocks"/> blocks).</summary>
    public async Task FillAsync(IReadOnlyList<Settlement> stuck, IReadOnlyList<Settlement> following,
        IReadOnlyDictionary<string, IReadOnlyList<SettlementAttempt>> live, long head, CancellationToken cancellationToken)
    {
        var fills = 0;
        var gaps = new HashSet<(string, long)>();
        foreach (var signer in stuck.Where(s => s.SignerAddress is not null).Select(s => s.SignerAddress!).Distinct(StringComparer.Ordinal))
        {
            if (network.Signers.Find(EthAddress.Parse(signer)) is not { } account)
            {
                continue;
            }
            // Only under the key's lease: another instance holding it may be between taking a nonce and storing its transaction.
            using var lease = await network.Signers.TryEnterAsync(account.Address, SignerTakeover.For(network, account, store, logger), cancellationToken);
            if (lease is null)
            {
                continue;
            }
            var held = following.Where(s => s.SignerAddress == signer)
                .SelectMany(s => live.GetValueOrDefault(s.Id)?.Select(a => a.Nonce) ?? (s.SignerNonce is { } n ? [n] : []))
                .ToHashSet();
            var behind = stuck.Where(s => s.SignerAddress == signer && s.SignerNonce is not null).MinBy(s => s.SignerNonce!.Value)!;
            var lowest = behind.SignerNonce!.Value;
            var mined = await network.Rpc.GetTransactionCountAsync(account.Address, BlockTag.Latest, cancellationToken);
            for (var nonce = mined; nonce < lowest && fills < MaxFillsPerPass; nonce++)
            {
                if (!held.Contains(nonce) && LongEnough((signer, nonce), head, gaps))
                {
                    fills++;
                    _seen.Remove((signer, nonce));
                    await FillOneAsync(account, nonce, behind, cancellationToken);
                }
            }
        }
        var examined = stuck.Select(s => s.SignerAddress).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _seen.Keys.Where(k => examined.Contains(k.Signer) && !gaps.Contains(k)).ToList())
        {
            _seen.Remove(gone);
        }
    }

    public void Clear() => _seen.Clear();

    private bool LongEnough((string, long) gap, long head, HashSet<(string, long)> gaps)
    {
        gaps.Add(gap);
        if (!_seen.TryGetValue(gap, out var first))
        {
            _seen[gap] = (head, time.GetTimestamp());
            return false;
        }
        return head - first.Head >= options.StuckAfterBlocks && time.GetElapsedTime(first.At) >= TimeSpan.FromSeconds(options.RpcTimeoutSeconds);
    }

    /// <summary>Records the gas of the fillers that were mined; one whose nonce went to another transaction cost nothing and is Dropped.</summary>
    public async Task FollowFillsAsync(CancellationToken cancellationToken)
    {
        if (!_fillsToFollow)
        {
            return;
        }
        var left = false;
        foreach (var filler in await store.ListUnfinishedGapFillsAsync(network.Network, cancellationToken))
        {
            if (await network.Rpc.GetTransactionReceiptAsync(filler.TxHash, cancellationToken) is { } receipt)
            {
                await store.RecordGapFillMinedAsync(filler, receipt, cancellationToken);
            }
            else if (await network.Rpc.GetTransactionCountAsync(EthAddress.Parse(filler.Signer), BlockTag.Latest, cancellationToken) > filler.Nonce)
            {
                // The nonce is mined; asked again in case the filler itself was mined between the two reads.
                if (await network.Rpc.GetTransactionReceiptAsync(filler.TxHash, cancellationToken) is { } late)
                {
                    await store.RecordGapFillMinedAsync(filler, late, cancellationToken);
                }
                else
                {
                    await store.DropGapFillAsync(filler, cancellationToken);
                }
            }
            else
            {
                left = true;
            }
        }
        _fillsToFollow = left;
    }

    private async Task FillOneAsync(SignerAccount account, long nonce, Settlement behind, CancellationToken cancellationToken)
    {
        account.Nonces.Claim(nonce);
        var baseFee = await network.Rpc.GetLatestBaseFeeAsync(cancellationToken);
        var tip = await network.Rpc.MaxPriorityFeePerGasAsync(cancellationToken);
        var maxFee = BigInteger.Min(StuckTransactions.OperatorCapWei(options), (baseFee * 2) + tip);
        var transaction = new Eip1559Transaction(network.Options.ChainId, nonce, BigInteger.Min(tip, maxFee), maxFee, SelfTransferGas, account.Address,
            BigInteger.Zero, []);
        var filler = transaction.Sign(account.Key);
        var signer = account.Address.ToString();
        try
        {
            await network.Rpc.SendRawTransactionAsync(filler.Raw, cancellationToken);
            SendingLog.GapFilled(logger, signer, nonce, filler.HashHex);
            await store.RecordGapFillAsync(behind.Id, AttemptDraft.Of(transaction, filler, account.Address), behind.SignerNonce!.Value, cancellationToken);
            _fillsToFollow = true;
        }
        catch (JsonRpcException refused)
        {
            // Already known, too low (the missing transaction came after all), or something of the key's holds it in the pool: no gap.
            SendingLog.GapFillRefused(logger, signer, nonce, refused.RpcMessage);
        }
    }
}
