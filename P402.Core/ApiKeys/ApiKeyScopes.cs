namespace P402.Core.ApiKeys;

/// <summary>What an API key may call. Stored as a comma-separated string of names.</summary>
[Flags]
public enum ApiKeyScopes
{
    None = 0,

    /// <summary>POST /verify, POST /settle.</summary>
    Facilitator = 1,

    /// <summary>Issue, verify and revoke receipts.</summary>
    Receipts = 2,

    /// <summary>Read settlements, receipts and the merchant's settings.</summary>
    Read = 4,

    /// <summary>Change the merchant's settings (gas limits, receipt TTLs) through the API.</summary>
    Settings = 8,

    All = Facilitator | Receipts | Read | Settings,
}
