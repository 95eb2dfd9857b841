using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using P402.Core.Common;
using P402.Core.Data;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Payments;
using P402.Core.Payments.Sending;
using P402.Core.Receipts;

namespace P402.Tests.Dashboard;

/// <summary>
/// Settlements as the settler leaves them (rows with the fields it fills), for pages that list them;
/// receipts are then issued through the real <see cref="ReceiptService"/>.
/// </summary>
public sealed class PaymentSeed(IDbContextFactory<P402DbContext> contexts, ReceiptService receipts, TimeProvider time)
{
    public const string Usdc = "0x833589fcd6edb6e08f4c7c32d4f71b54bda02913";

    public async Task<Settlement> SettlementAsync(
        string merchantId, long value = 10_000, SettlementStatus status = SettlementStatus.Confirmed,
        string? payer = null, DateTime? createdAt = null, string resource = "https://api.example.com/weather",
        Core.Payments.Signatures.PayerKind payerKind = Core.Payments.Signatures.PayerKind.Eoa, long? deploymentGas = null)
    {
        var created = createdAt ?? time.GetUtcNow().UtcDateTime;
        var mined = status is SettlementStatus.Confirmed or SettlementStatus.Failed;
        var settlement = new Settlement
        {
            Id = Ids.New(Settlement.IdPrefix, time),
            MerchantId = merchantId,
            RequestId = Ids.New("req_", time),
            Network = "eip155:8453",
            Asset = Usdc,
            Payer = payer ?? RandomHex(20),
            PayTo = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
            Value = value,
            Nonce = RandomHex(32),
            ValidAfter = 0,
            ValidBefore = 1_900_000_000,
            Resource = resource,
            X402Version = 2,
            Status = status,
            TxHash = status == SettlementStatus.Pending ? null : RandomHex(32),
            BlockNumber = mined ? 12_345 : null,
            GasUsed = mined ? 60_000 : null,
            EffectiveGasPriceWei = mined ? 1_000_000_000 : null,
            ErrorReason = status == SettlementStatus.Failed ? "SETTLEMENT_FAILED" : null,
            ErrorMessage = status == SettlementStatus.Failed ? "The transaction reverted." : null,
            CreatedAt = created,
            UpdatedAt = created,
            ConfirmedAt = status == SettlementStatus.Confirmed ? created.AddSeconds(2) : null,
            PayerKind = payerKind,
            DeploymentGas = deploymentGas,
        };
        await using var db = await contexts.CreateDbContextAsync();
        db.Settlements.Add(settlement);
        await db.SaveChangesAsync();
        return settlement;
    }

    /// <summary>
    /// A settlement whose first transaction was replaced (same nonce, higher fees) and whose replacement was mined, recorded
    /// through the real store's transitions, as the watcher records a fee replacement.
    /// </summary>
    public async Task<Settlement> ReplacedSettlementAsync(string merchantId, SettlementStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var settlement = await SettlementAsync(merchantId, 2_500_000, SettlementStatus.Pending);
        var signer = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
        await store.MarkSubmittedAsync(settlement, new AttemptDraft(RandomHex(32), RandomHex(120), signer, 7, 1_500_000_000, 1_000_000_000, 80_000),
            CancellationToken.None);
        var replacement = new AttemptDraft(RandomHex(32), RandomHex(120), signer, 7, 30_000_000_000, 1_100_000_000, 80_000);
        await store.MarkSubmittedAsync(settlement, replacement, CancellationToken.None);
        await store.MarkConfirmedAsync(settlement, new TransactionReceipt(replacement.TxHash, 1, 12_346, RandomHex(32), 61_234, 14_000_000_000,
            EthAddress.Parse(signer), EthAddress.Parse(Usdc), []), CancellationToken.None);
        return settlement;
    }

    /// <summary>A confirmed settlement and its receipt, issued by the real service.</summary>
    public async Task<ReceiptView> ReceiptAsync(string merchantId, string resource = "https://api.example.com/weather", long ttlSeconds = 3_600)
    {
        var settlement = await SettlementAsync(merchantId, resource: resource);
        var issued = await receipts.IssueAsync(merchantId, new IssueReceipt(settlement.Id, null, ttlSeconds, null), CancellationToken.None);
        return issued.Receipt ?? throw new InvalidOperationException($"{issued.Code}: {issued.Message}");
    }

    private static string RandomHex(int bytes) => "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
