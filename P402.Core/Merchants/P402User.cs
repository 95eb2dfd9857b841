using Microsoft.AspNetCore.Identity;

namespace P402.Core.Merchants;

/// <summary>A dashboard account; it belongs to exactly one merchant.</summary>
public sealed class P402User : IdentityUser
{
    public string MerchantId { get; set; } = "";

    public MerchantRole Role { get; set; } = MerchantRole.Owner;

    public Merchant? Merchant { get; set; }
}
