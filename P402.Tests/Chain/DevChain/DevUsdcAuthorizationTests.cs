using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;

namespace P402.Tests.Chain.DevChain;

/// <summary>EIP-3009 on DevUsdc with authorizations signed in C#, submitted by the facilitator's dev signer.</summary>
public sealed class DevUsdcAuthorizationTests(AnvilChainFixture anvil) : IClassFixture<AnvilChainFixture>
{
    private static readonly byte[] AuthorizationUsedTopic = Keccak256.Hash("AuthorizationUsed(address,bytes32)"u8);
    private static readonly byte[] TransferTopic = Keccak256.Hash("Transfer(address,address,uint256)"u8);

    [Fact]
    public void Selectors_BothTransferOverloadsAndState_MatchUsdc()
    {
        Assert.Equal("0xe3ee160e", Hex.Encode(Eip3009Calls.TransferVrs));
        Assert.Equal("0xcf092995", Hex.Encode(Eip3009Calls.TransferBytes));
        Assert.Equal("0xe94a0102", Hex.Encode(Eip3009Calls.AuthorizationStateSelector));
    }

    [Fact]
    public async Task TransferWithAuthorization_VrsOverload_MovesBalanceAndMarksNonceUsed()
    {
        var (payer, authorization) = await Eip3009Calls.FundedAuthorizationAsync(anvil, 2_500_000);
        var data = Eip3009Calls.WithVrs(authorization, Eip3009Calls.SignTransfer(payer, authorization));

        var receipt = await anvil.SendSignedAsync(anvil.FacilitatorKey, anvil.Usdc, data);

        Assert.True(receipt.Succeeded);
        Assert.Equal(7_500_000, await anvil.BalanceOfUsdcAsync(payer.Address));
        Assert.Equal(2_500_000, await anvil.BalanceOfUsdcAsync(authorization.To));
        Assert.True(await Eip3009Calls.IsUsedAsync(anvil, payer.Address, authorization.Nonce));
        Assert.Collection(receipt.Logs,
            used => Assert.Equal([AuthorizationUsedTopic, Word(payer.Address), authorization.Nonce], used.Topics),
            transfer => Assert.Equal([TransferTopic, Word(payer.Address), Word(authorization.To)], transfer.Topics));
    }

    [Fact]
    public async Task TransferWithAuthorization_BytesOverload_MovesBalance()
    {
        var (payer, authorization) = await Eip3009Calls.FundedAuthorizationAsync(anvil, 1_000_000);
        var data = Eip3009Calls.WithBytes(authorization, Eip3009Calls.SignTransfer(payer, authorization).ToBytes65());

        var receipt = await anvil.SendSignedAsync(anvil.FacilitatorKey, anvil.Usdc, data);

        Assert.True(receipt.Succeeded);
        Assert.Equal(9_000_000, await anvil.BalanceOfUsdcAsync(payer.Address));
        Assert.Equal(1_000_000, await anvil.BalanceOfUsdcAsync(authorization.To));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TransferWithAuthorization_NonceReused_RevertsUsedOrCanceled(bool bytesOverload)
    {
        var (payer, authorization) = await Eip3009Calls.FundedAuthorizationAsync(anvil, 1_000_000);
        var signature = Eip3009Calls.SignTransfer(payer, authorization);
        var data = bytesOverload ? Eip3009Calls.WithBytes(authorization, signature.ToBytes65()) : Eip3009Calls.WithVrs(authorization, signature);
        Assert.True((await anvil.SendSignedAsync(anvil.FacilitatorKey, anvil.Usdc, data)).Succeeded);

        var revert = await Assert.ThrowsAsync<ContractRevertException>(() => anvil.Rpc.CallAsync(anvil.Usdc, data, anvil.Chain.Facilitator.Address));
        var mined = await anvil.SendSignedAsync(anvil.FacilitatorKey, anvil.Usdc, data, gasLimit: 200_000);

        Assert.Equal("FiatTokenV2: authorization is used or canceled", revert.Reason);
        Assert.False(mined.Succeeded);
        Assert.Equal(9_000_000, await anvil.BalanceOfUsdcAsync(payer.Address));
    }

    [Fact]
    public async Task TransferWithAuthorization_DesignKnownAnswerSignature_PassesSignatureCheck()
    {
        // DESIGN.md's vector: payer 0xf39F… (no USDC), to 0x7099…, value 10000, validBefore 1900000000, nonce 32×0x11.
        var authorization = new TransferAuthorization(anvil.Chain.Facilitator.Address, anvil.Chain.Payers[0].Address,
            10000, 0, 1_900_000_000, Enumerable.Repeat((byte)0x11, 32).ToArray());
        var signature = EcdsaSignature.FromBytes65(Hex.Decode(
            "0x6e725dfdfd650e8bcc1e4d6a9bc8f356bd22539a082524440a510b34feeddc11" +
            "4b696490355cde865fc04df462ea8d5ad5e6edf18a89a8c4fe2ec809c885eb0e1b"));

        var revert = await Assert.ThrowsAsync<ContractRevertException>(() =>
            anvil.Rpc.CallAsync(anvil.Usdc, Eip3009Calls.WithVrs(authorization, signature)));

        // The signature is accepted; only the (empty) balance stops the transfer.
        Assert.Equal("ERC20: transfer amount exceeds balance", revert.Reason);
    }

    [Fact]
    public async Task DomainSeparator_AtBaseUsdc_MatchesDesignAndCSharp()
    {
        var onChain = await anvil.Rpc.CallAsync(anvil.Usdc, Abi.Selector("DOMAIN_SEPARATOR()"));

        Assert.Equal("0x02fa7265e7c5d81118673727957699e4d68f74cd74b7db77da710fe8a2c7834f", Hex.Encode(onChain));
        Assert.Equal(Eip3009Calls.Domain, onChain);
    }

    private static byte[] Word(EthAddress address) => [.. new byte[12], .. address.Bytes];
}
