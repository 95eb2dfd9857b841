using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace P402.Merchant;

public static class P402PaymentEndpointExtensions
{
    /// <summary>
    /// Charges for the endpoint(s) with x402 through P402 (needs <c>services.AddP402Client(…)</c>).
    /// <paramref name="configure"/> starts from the app-wide <see cref="P402PaymentOptions"/> defaults
    /// (<c>services.Configure&lt;P402PaymentOptions&gt;</c>); the result is validated when the endpoint is built.
    /// Register it after other endpoint filters that should run before payment (validation, for example).
    /// </summary>
    public static TBuilder RequireP402Payment<TBuilder>(this TBuilder builder, Action<P402PaymentOptions> configure)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Add(endpoint =>
        {
            var name = endpoint.DisplayName ?? "an endpoint";
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status402PaymentRequired, typeof(PaymentRequired), ["application/json"]));
            endpoint.FilterFactories.Add((factory, next) =>
            {
                var services = factory.ApplicationServices;
                if (services.GetService<IServiceProviderIsService>() is { } known && !known.IsService(typeof(IP402Client)))
                {
                    throw new InvalidOperationException($"RequireP402Payment on '{name}' needs the P402 client: call services.AddP402Client(...).");
                }
                var options = services.GetService<IOptionsFactory<P402PaymentOptions>>()?.Create(Options.DefaultName) ?? new P402PaymentOptions();
                configure(options);
                var filter = new P402PaymentFilter(PaymentTerms.From(options, name),
                    services.GetRequiredService<ILoggerFactory>().CreateLogger<P402PaymentFilter>());
                return context => filter.InvokeAsync(context, next);
            });
        });
        return builder;
    }

    /// <summary>As <see cref="RequireP402Payment{TBuilder}(TBuilder, Action{P402PaymentOptions})"/> with a price in atomic units.</summary>
    public static TBuilder RequireP402Payment<TBuilder>(this TBuilder builder, long amount, Action<P402PaymentOptions>? configure = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireP402Payment(options =>
        {
            options.SetAmount(amount);
            configure?.Invoke(options);
        });
}
