namespace P402.Core.Receipts;

/// <summary>How <see cref="Receipt.RevokedBy"/> names who revoked a receipt.</summary>
public static class ReceiptRevoker
{
    /// <summary><c>key:key_…</c>: revoked through the API with that key.</summary>
    public static string Key(string apiKeyId) => $"key:{apiKeyId}";

    /// <summary><c>user:…</c>: revoked by that dashboard user.</summary>
    public static string User(string userId) => $"user:{userId}";
}
