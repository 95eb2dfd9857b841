using System.Numerics;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.DevChain;

/// <summary>Calldata for the DevUsdc functions the dev chain itself calls.</summary>
internal static class DevUsdcCalls
{
    private static readonly byte[] BalanceOfSelector = Abi.Selector("balanceOf(address)");
    private static readonly byte[] MintSelector = Abi.Selector("mint(address,uint256)");

    public static byte[] BalanceOf(EthAddress owner) => Abi.EncodeCall(BalanceOfSelector, AbiValue.Address(owner));

    public static byte[] Mint(EthAddress to, BigInteger amount) =>
        Abi.EncodeCall(MintSelector, AbiValue.Address(to), AbiValue.Uint256(amount));
}
