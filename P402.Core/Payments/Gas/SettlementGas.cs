using P402.Core.Chain;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Payments.Gas;

/// <summary>Asks the node what a settlement's <c>transferWithAuthorization</c> costs (<c>eth_estimateGas</c>, sent from the signer).</summary>
internal static class SettlementGas
{
    public static async Task<GasLimit> EstimateAsync(PaymentNetwork network, EthAddress asset, byte[] callData, EthAddress signer, long merchantCap,
        int headroomPercent, CancellationToken cancellationToken)
    {
        var estimate = await network.Rpc.EstimateGasAsync(asset, callData, signer, cancellationToken);
        return GasLimit.From(estimate, merchantCap, headroomPercent);
    }

    /// <summary>The refusal a payment gets when it needs more gas than the merchant allows; nothing was sent.</summary>
    public static string ExceedsCapMessage(GasLimit gas, long merchantCap) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"This payment needs about {gas.Estimate:N0} gas, above the merchant's max gas per settlement ({merchantCap:N0}); nothing was sent. "
            + $"USDC's transferWithAuthorization needs about {GasLimit.UsdcTransferGas:N0} gas ({GasLimit.UsdcTransferToNewPayToGas:N0} to a payTo that never held USDC).");
}
