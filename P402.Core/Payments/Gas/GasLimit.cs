namespace P402.Core.Payments.Gas;

/// <summary>
/// The gas limit of a settlement: the node's estimate plus headroom (state can change between the
/// estimate and the block), never above the merchant's max gas. A payment whose estimate alone is
/// above that cap cannot be settled within it, and is refused before anything is sent.
/// </summary>
public readonly record struct GasLimit(long Estimate, long Limit, bool ExceedsCap)
{
    /// <summary>What Circle's FiatTokenV2_2 <c>transferWithAuthorization</c> costs on Base, to a payTo that already holds USDC.</summary>
    public const long UsdcTransferGas = 85_700;

    /// <summary>The same to a payTo that has never held USDC (a fresh storage slot).</summary>
    public const long UsdcTransferToNewPayToGas = 102_800;

    /// <summary>The settings page's and API's explanation of the max gas per settlement.</summary>
    public const string MaxGasGuidance = "P402 estimates each settlement's gas (plus headroom) and refuses, before sending anything, "
        + "a payment that needs more than this. Real USDC's transferWithAuthorization needs about 85,700 gas, "
        + "102,800 to a payTo that has never held USDC: keep at least 110,000. The default, 150,000, covers both.";

    public static GasLimit From(long estimate, long merchantCap, int headroomPercent)
    {
        var withHeadroom = estimate + (estimate * headroomPercent / 100);
        return new GasLimit(estimate, Math.Min(withHeadroom, merchantCap), estimate > merchantCap);
    }
}
