namespace P402.Core.Merchants;

/// <summary>What a dashboard user may do in their merchant.</summary>
public enum MerchantRole
{
    /// <summary>Everything, including members and settings.</summary>
    Owner,

    /// <summary>API keys, receipts, settlements; not settings.</summary>
    Developer,

    /// <summary>Reads only.</summary>
    Viewer,
}
