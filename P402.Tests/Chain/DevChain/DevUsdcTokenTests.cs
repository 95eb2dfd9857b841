using System.Numerics;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;
using DevChainNode = P402.Core.Chain.DevChain.DevChain;

namespace P402.Tests.Chain.DevChain;

/// <summary>DevUsdc as placed at the Base USDC address: metadata from code constants, ERC-20, dev minting.</summary>
public sealed class DevUsdcTokenTests(AnvilChainFixture anvil) : IClassFixture<AnvilChainFixture>
{
    [Theory]
    [InlineData("name()", "USD Coin")]
    [InlineData("symbol()", "USDC")]
    [InlineData("version()", "2")]
    public async Task Metadata_AtBaseUsdcAddress_AnswersUsdcValues(string function, string expected) =>
        Assert.Equal(expected, Abi.DecodeString(await anvil.Rpc.CallAsync(anvil.Usdc, Abi.Selector(function))));

    [Fact]
    public async Task Decimals_AtBaseUsdcAddress_Is6() =>
        Assert.Equal(6, Abi.DecodeUint256(await anvil.Rpc.CallAsync(anvil.Usdc, Abi.Selector("decimals()"))));

    [Fact]
    public async Task BalanceOf_DemoPayers_HoldMintedAmount()
    {
        foreach (var payer in anvil.Chain.Payers)
        {
            Assert.Equal(DevChainNode.PayerFunding, await anvil.BalanceOfUsdcAsync(payer.Address));
        }
        Assert.Equal(BigInteger.Zero, await anvil.BalanceOfUsdcAsync(anvil.Chain.Facilitator.Address));
    }

    [Fact]
    public async Task Mint_FromMinter_AddsBalanceSupplyAndTransferFromZero()
    {
        var holder = EthKey.Generate().Address;
        var supplyBefore = await TotalSupplyAsync();

        await anvil.MintUsdcAsync(holder, 42_000_000);

        Assert.Equal(42_000_000, await anvil.BalanceOfUsdcAsync(holder));
        Assert.Equal(supplyBefore + 42_000_000, await TotalSupplyAsync());
    }

    [Fact]
    public async Task Mint_FromAnyoneElse_Reverts()
    {
        var mint = Abi.EncodeCall(Abi.Selector("mint(address,uint256)"), AbiValue.Address(EthKey.Generate().Address), AbiValue.Uint256(1));

        var revert = await Assert.ThrowsAsync<ContractRevertException>(() => anvil.Rpc.CallAsync(anvil.Usdc, mint, anvil.Chain.Facilitator.Address));

        Assert.Equal("FiatToken: caller is not a minter", revert.Reason);
    }

    [Fact]
    public async Task ApproveAndTransferFrom_WithinAllowance_MovesBalanceAndLowersAllowance()
    {
        var owner = await FundedKeyAsync();
        var spender = await FundedKeyAsync();
        var recipient = EthKey.Generate().Address;
        await anvil.SendSignedAsync(owner, anvil.Usdc, Call("approve(address,uint256)", AbiValue.Address(spender.Address), AbiValue.Uint256(300)));

        var overAllowance = Call("transferFrom(address,address,uint256)", AbiValue.Address(owner.Address), AbiValue.Address(recipient), AbiValue.Uint256(301));
        var revert = await Assert.ThrowsAsync<ContractRevertException>(() => anvil.Rpc.CallAsync(anvil.Usdc, overAllowance, spender.Address));
        var receipt = await anvil.SendSignedAsync(spender, anvil.Usdc,
            Call("transferFrom(address,address,uint256)", AbiValue.Address(owner.Address), AbiValue.Address(recipient), AbiValue.Uint256(200)));

        Assert.Equal("ERC20: transfer amount exceeds allowance", revert.Reason);
        Assert.True(receipt.Succeeded);
        Assert.Equal(200, await anvil.BalanceOfUsdcAsync(recipient));
        var allowance = await anvil.Rpc.CallAsync(anvil.Usdc, Call("allowance(address,address)", AbiValue.Address(owner.Address), AbiValue.Address(spender.Address)));
        Assert.Equal(100, Abi.DecodeUint256(allowance));
    }

    private async Task<EthKey> FundedKeyAsync()
    {
        var key = EthKey.Generate();
        await anvil.Client.CallAsync("anvil_setBalance", [key.Address, BigInteger.Pow(10, 18)]);
        await anvil.MintUsdcAsync(key.Address, 1_000_000);
        return key;
    }

    private async Task<BigInteger> TotalSupplyAsync() =>
        Abi.DecodeUint256(await anvil.Rpc.CallAsync(anvil.Usdc, Abi.Selector("totalSupply()")));

    private static byte[] Call(string signature, params AbiValue[] args) => Abi.EncodeCall(Abi.Selector(signature), args);
}
