using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace P402.Merchant;

/// <summary>
/// Typed client for P402's REST API over an <see cref="HttpClient"/> whose base address and Bearer key are
/// set by <see cref="P402ClientServiceCollectionExtensions.AddP402Client(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{P402ClientOptions})"/>.
/// </summary>
public sealed class P402Client(HttpClient http) : IP402Client
{
    private readonly P402Transport _transport = new(http);

    public Task<VerifyResponse> VerifyAsync(VerifyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendAsync(HttpMethod.Post, "verify",
            JsonContent.Create(request, P402JsonContext.Default.VerifyRequest), P402JsonContext.Default.VerifyResponse, cancellationToken);
    }

    public Task<SettleResponse> SettleAsync(SettleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendAsync(HttpMethod.Post, "settle",
            JsonContent.Create(request, P402JsonContext.Default.SettleRequest), P402JsonContext.Default.SettleResponse, cancellationToken);
    }

    public Task<SupportedResponse> GetSupportedAsync(CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Get, "supported", null, P402JsonContext.Default.SupportedResponse, cancellationToken);

    public Task<Receipt> IssueReceiptAsync(IssueReceiptRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendAsync(HttpMethod.Post, "api/v1/receipts",
            JsonContent.Create(request, P402JsonContext.Default.IssueReceiptRequest), P402JsonContext.Default.Receipt, cancellationToken);
    }

    public Task<Receipt> GetReceiptAsync(string id, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Get, ReceiptPath(id), null, P402JsonContext.Default.Receipt, cancellationToken);

    public Task<P402Page<Receipt>> ListReceiptsAsync(ReceiptQuery? query = null, CancellationToken cancellationToken = default)
    {
        var path = QueryHelpers.AddQueryString("api/v1/receipts", Parameters(
            ("state", query?.State), ("resource", query?.Resource), ("payer", query?.Payer),
            ("page", Format(query?.Page)), ("pageSize", Format(query?.PageSize))));
        return _transport.SendAsync(HttpMethod.Get, path, null, P402JsonContext.Default.P402PageReceipt, cancellationToken);
    }

    public Task<ReceiptVerification> VerifyReceiptAsync(string id, Uri resourceUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceUrl);
        var path = QueryHelpers.AddQueryString(ReceiptPath(id) + "/verify", "resource", resourceUrl.AbsoluteUri);
        return _transport.SendAsync(HttpMethod.Get, path, null, P402JsonContext.Default.ReceiptVerification, cancellationToken);
    }

    public Task<Receipt> RevokeReceiptAsync(string id, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Post, ReceiptPath(id) + "/revoke", null, P402JsonContext.Default.Receipt, cancellationToken);

    public Task<P402Page<Settlement>> ListSettlementsAsync(SettlementQuery? query = null, CancellationToken cancellationToken = default)
    {
        var path = QueryHelpers.AddQueryString("api/v1/settlements", Parameters(
            ("status", query?.Status), ("payer", query?.Payer),
            ("from", query?.From?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
            ("to", query?.To?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
            ("page", Format(query?.Page)), ("pageSize", Format(query?.PageSize))));
        return _transport.SendAsync(HttpMethod.Get, path, null, P402JsonContext.Default.P402PageSettlement, cancellationToken);
    }

    public Task<Settlement> GetSettlementAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _transport.SendAsync(HttpMethod.Get, "api/v1/settlements/" + Uri.EscapeDataString(id), null,
            P402JsonContext.Default.Settlement, cancellationToken);
    }

    private static string ReceiptPath(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return "api/v1/receipts/" + Uri.EscapeDataString(id);
    }

    private static string? Format(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<KeyValuePair<string, string?>> Parameters(params (string Name, string? Value)[] parameters) =>
        parameters.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Name, p.Value));
}
