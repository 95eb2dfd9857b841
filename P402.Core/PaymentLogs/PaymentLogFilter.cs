namespace P402.Core.PaymentLogs;

/// <summary>
/// Filters of the payment log, all optional: <see cref="RequestId"/> and <see cref="Payer"/> match exactly (the payer in
/// any case), <see cref="Resource"/> is a part of the URL (any case), <see cref="From"/> inclusive, <see cref="To"/> exclusive.
/// </summary>
public sealed record PaymentLogFilter(
    string? RequestId = null,
    string? Payer = null,
    string? Resource = null,
    PaymentOperation? Operation = null,
    bool? Valid = null,
    DateTime? From = null,
    DateTime? To = null);
