using P402.Core.Payments.Gas;

namespace P402.Dashboard.Merchants;

/// <summary>What real USDC needs, next to the merchant's max gas per settlement (gas units).</summary>
public sealed record MaxGasGuide(long UsdcTransfer, long UsdcTransferToNewPayTo, string Note)
{
    public static readonly MaxGasGuide Usdc = new(GasLimit.UsdcTransferGas, GasLimit.UsdcTransferToNewPayToGas, GasLimit.MaxGasGuidance);
}
