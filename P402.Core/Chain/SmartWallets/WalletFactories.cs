using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.SmartWallets;

/// <summary>The factories a network lets P402 call to deploy a counterfactual (ERC-6492) wallet.</summary>
internal static class WalletFactories
{
    /// <summary>Coinbase Smart Wallet's factory (the Base app's wallets), the usual entry on Base.</summary>
    public const string CoinbaseSmartWalletFactory = "0x0BA5ED0c6AA8c49038F819E587E2633c4A9F428a";

    public static bool IsAllowed(NetworkOptions network, EthAddress factory) =>
        network.WalletFactories.Any(configured => EthAddress.TryParse(configured, out var address) && address == factory);
}
