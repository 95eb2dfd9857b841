namespace P402.Tests.EndToEnd;

/// <summary>pay.mjs's smart-account options: the factory, the account's salt (bytes32 hex), the chain's JSON-RPC URL.</summary>
internal sealed record SmartAccountPayer(string Factory, string Salt, Uri RpcUrl);
