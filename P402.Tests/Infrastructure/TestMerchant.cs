namespace P402.Tests.Infrastructure;

public sealed record TestMerchant(string MerchantId, string ApiKeyId, string ApiKey);
