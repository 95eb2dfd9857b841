using Microsoft.AspNetCore.Cors.Infrastructure;

namespace P402.Merchant;

public static class P402CorsPolicyBuilderExtensions
{
    /// <summary>
    /// Lets browser code read PAYMENT-REQUIRED, PAYMENT-RESPONSE, X-PAYMENT-RESPONSE, P402-Receipt and
    /// P402-Receipt-Expires (<c>Access-Control-Expose-Headers</c>).
    /// </summary>
    public static CorsPolicyBuilder WithExposedP402Headers(this CorsPolicyBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithExposedHeaders([.. P402HeaderNames.Exposed]);
    }

    /// <summary>Lets browser code send PAYMENT-SIGNATURE, X-PAYMENT and P402-Receipt (<c>Access-Control-Allow-Headers</c>).</summary>
    public static CorsPolicyBuilder WithP402RequestHeaders(this CorsPolicyBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithHeaders([.. P402HeaderNames.Request]);
    }
}
