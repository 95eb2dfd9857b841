namespace P402.Core.Payments;

/// <summary>The one check of a settlements filter, shared by the dashboard and <c>GET /api/v1/settlements</c>.</summary>
public static class SettlementFilterRules
{
    /// <summary>Filter field (payer, search, to) → message for everything wrong; empty when the filter can be run.</summary>
    public static IReadOnlyDictionary<string, string> Validate(SettlementFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (PayerAddress.Problem(filter.Payer) is { } payer)
        {
            errors["payer"] = payer;
        }
        if (SettlementSearch.Problem(filter.Search) is { } search)
        {
            errors["search"] = search;
        }
        if (filter is { From: { } from, To: { } to } && to <= from)
        {
            errors["to"] = "The end of the period must come after its start.";
        }
        return errors;
    }
}
