namespace P402.Dashboard.Authorization;

/// <summary>The claims P402 adds to a dashboard user's principal at sign-in.</summary>
public static class P402Claims
{
    /// <summary>The merchant the user belongs to (<c>mch_…</c>).</summary>
    public const string Merchant = "p402:merchant";

    /// <summary>The user's <see cref="Core.Merchants.MerchantRole"/> in that merchant.</summary>
    public const string Role = "p402:role";
}
