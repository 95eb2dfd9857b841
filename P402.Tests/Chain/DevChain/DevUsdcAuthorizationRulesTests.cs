using System.Numerics;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;

namespace P402.Tests.Chain.DevChain;

/// <summary>DevUsdc refuses what Base USDC refuses, with USDC's messages.</summary>
public sealed class DevUsdcAuthorizationRulesTests(AnvilChainFixture anvil) : IClassFixture<AnvilChainFixture>
{
    private static readonly BigInteger CurveOrder =
        BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Transfer_ValidBeforePassed_RevertsExpired()
    {
        var (payer, authorization) = await Eip3009Calls.FundedAuthorizationAsync(anvil, 1, validFor: -1);

        Assert.Equal("FiatTokenV2: authorization is expired", await RevertReasonAsync(Signed(payer, authorization)));
    }

    [Fact]
    public async Task Transfer_ValidAfterInFuture_RevertsNotYetValid()
    {
        var now = await anvil.LatestBlockTimestampAsync();
        var (payer, authorization) = await Eip3009Calls.FundedAuthorizationAsync(anvil, 1, validAfter: now + 600);

        Assert.Equal("FiatTokenV2: authorization is not yet valid", await RevertReasonAsync(Signed(payer, authorization)));
    }

    [Fact]
    public async Task Transfer_SignedByAnotherKey_RevertsInvalidSignature()
    {
        var (_, authorization) = await Eip3009Calls.FundedAuthorizationAsync(anvil, 1);

        Assert.Equal("FiatTokenV2: invalid signature", await RevertReasonAsync(Signed(EthKey.Generate(), authorization)));
    }

    [Fact]
    public async Task Transfer_HighS_RevertsInvalidS()
    {
        var (payer, authorization) = await Eip3009Calls.FundedAuthorizationAsync(anvil, 1);
        var low = Eip3009Calls.SignTransfer(payer, authorization);
        var highS = (CurveOrder - new BigInteger(low.S, isUnsigned: true, isBigEndian: true)).ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] malleable = [.. low.R, .. highS, (byte)(low.V == 27 ? 28 : 27)];

        Assert.Equal("ECRecover: invalid signature 's' value", await RevertReasonAsync(Eip3009Calls.WithBytes(authorization, malleable)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(29)]
    public async Task Transfer_VNot27Or28_RevertsInvalidV(byte v)
    {
        var (payer, authorization) = await Eip3009Calls.FundedAuthorizationAsync(anvil, 1);
        var signature = Eip3009Calls.SignTransfer(payer, authorization).ToBytes65();
        signature[64] = v;

        Assert.Equal("ECRecover: invalid signature 'v' value", await RevertReasonAsync(Eip3009Calls.WithBytes(authorization, signature)));
    }

    [Fact]
    public async Task Transfer_SignatureNot65Bytes_RevertsInvalidLength()
    {
        var (payer, authorization) = await Eip3009Calls.FundedAuthorizationAsync(anvil, 1);
        var signature = Eip3009Calls.SignTransfer(payer, authorization).ToBytes65()[..64];

        Assert.Equal("ECRecover: invalid signature length", await RevertReasonAsync(Eip3009Calls.WithBytes(authorization, signature)));
    }

    [Fact]
    public async Task Transfer_ValueAboveBalance_RevertsExceedsBalance()
    {
        var (payer, authorization) = await Eip3009Calls.FundedAuthorizationAsync(anvil, 10_000_001);

        Assert.Equal("ERC20: transfer amount exceeds balance", await RevertReasonAsync(Signed(payer, authorization)));
    }

    [Fact]
    public async Task ReceiveWithAuthorization_CalledByPayee_MovesBalance_ByOtherCaller_Reverts()
    {
        var (payer, authorization) = await Eip3009Calls.FundedAuthorizationAsync(anvil, 400_000);
        var payee = EthKey.Generate();
        authorization = authorization with { To = payee.Address };
        var data = Eip3009Calls.WithVrs(authorization, Eip3009Calls.SignReceive(payer, authorization), Eip3009Calls.ReceiveVrs);
        await anvil.Client.CallAsync("anvil_setBalance", [payee.Address, BigInteger.Pow(10, 18)]);

        var byFacilitator = await Assert.ThrowsAsync<ContractRevertException>(() => anvil.Rpc.CallAsync(anvil.Usdc, data, anvil.Chain.Facilitator.Address));
        var receipt = await anvil.SendSignedAsync(payee, anvil.Usdc, data);

        Assert.Equal("FiatTokenV2: caller must be the payee", byFacilitator.Reason);
        Assert.True(receipt.Succeeded);
        Assert.Equal(400_000, await anvil.BalanceOfUsdcAsync(payee.Address));
    }

    [Fact]
    public async Task CancelAuthorization_BeforeUse_MarksNonceAndBlocksTransfer()
    {
        var (payer, authorization) = await Eip3009Calls.FundedAuthorizationAsync(anvil, 1);
        var cancel = Eip3009Calls.Cancel(payer.Address, authorization.Nonce, Eip3009Calls.SignCancel(payer, authorization.Nonce));

        var receipt = await anvil.SendSignedAsync(anvil.FacilitatorKey, anvil.Usdc, cancel);

        Assert.True(receipt.Succeeded);
        Assert.Equal(Keccak256.Hash("AuthorizationCanceled(address,bytes32)"u8), Assert.Single(receipt.Logs).Topics[0]);
        Assert.True(await Eip3009Calls.IsUsedAsync(anvil, payer.Address, authorization.Nonce));
        Assert.Equal("FiatTokenV2: authorization is used or canceled", await RevertReasonAsync(Signed(payer, authorization)));
    }

    private static byte[] Signed(EthKey signer, TransferAuthorization authorization) =>
        Eip3009Calls.WithVrs(authorization, Eip3009Calls.SignTransfer(signer, authorization));

    private async Task<string?> RevertReasonAsync(byte[] data) =>
        (await Assert.ThrowsAsync<ContractRevertException>(() => anvil.Rpc.CallAsync(anvil.Usdc, data, anvil.Chain.Facilitator.Address))).Reason;
}
