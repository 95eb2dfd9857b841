using System.Text.Json;
using System.Text.Json.Serialization;

namespace P402.Merchant;

/// <summary>Source-generated JSON metadata for every wire type: camelCase, nulls omitted, case-insensitive reads.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PaymentRequired))]
[JsonSerializable(typeof(PaymentPayload))]
[JsonSerializable(typeof(PaymentResponse))]
[JsonSerializable(typeof(VerifyRequest))]
[JsonSerializable(typeof(VerifyResponse))]
[JsonSerializable(typeof(SettleRequest))]
[JsonSerializable(typeof(SettleResponse))]
[JsonSerializable(typeof(SupportedResponse))]
[JsonSerializable(typeof(IssueReceiptRequest))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(ReceiptVerification))]
[JsonSerializable(typeof(Settlement))]
[JsonSerializable(typeof(P402Page<Receipt>))]
[JsonSerializable(typeof(P402Page<Settlement>))]
[JsonSerializable(typeof(P402Problem))]
internal sealed partial class P402JsonContext : JsonSerializerContext;
