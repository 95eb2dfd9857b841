namespace P402.Core.ApiKeys;

/// <summary>A new key and its secret; the only moment the secret exists outside the caller's hands.</summary>
public sealed record CreatedApiKey(ApiKeySummary Key, string Secret)
{
    // Keep the secret out of logs and debugger displays of the record.
    public override string ToString() => $"CreatedApiKey {{ Key = {Key.Id} }}";
}
