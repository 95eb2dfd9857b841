namespace P402.Dashboard.Facilitator;

/// <summary>x402's verify response plus P402's <c>valid</c>, <c>reason</c>, <c>message</c>, <c>requestId</c>.</summary>
public sealed record VerifyResponse(
    bool IsValid,
    string? InvalidReason,
    string? InvalidMessage,
    string Payer,
    bool Valid,
    string? Reason,
    string? Message,
    string RequestId);
