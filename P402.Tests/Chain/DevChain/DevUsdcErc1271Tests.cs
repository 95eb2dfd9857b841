using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;

namespace P402.Tests.Chain.DevChain;

/// <summary>
/// DevUsdc checks a signer with code as USDC v2.2's SignatureChecker does: EIP-1271's isValidSignature must
/// answer 0x1626ba7e, with no ECDSA fallback; a signer without code is recovered with USDC's ECRecover rules.
/// </summary>
public sealed class DevUsdcErc1271Tests(AnvilChainFixture anvil) : IClassFixture<AnvilChainFixture>
{
    [Fact]
    public async Task TransferWithAuthorization_SmartAccountOwnerSigned_MovesTheWalletsUsdc()
    {
        var account = await anvil.NewDeployedSmartAccountAsync(EthKey.Generate(), 5_000_000);
        var authorization = await AuthorizationFromAsync(account.Address);
        var signature = account.SignNested(Eip3009Calls.Domain, Eip712.TransferWithAuthorizationStructHash(authorization));

        var receipt = await anvil.SendSignedAsync(anvil.FacilitatorKey, anvil.Usdc, Eip3009Calls.WithBytes(authorization, signature));

        Assert.True(receipt.Succeeded);
        Assert.Equal(4_000_000, await anvil.BalanceOfUsdcAsync(account.Address));
        Assert.Equal(1_000_000, await anvil.BalanceOfUsdcAsync(authorization.To));
    }

    [Fact]
    public async Task TransferWithAuthorization_OwnersPlainEcdsaSignatureForAWallet_RevertsNoEcdsaFallback()
    {
        var account = await anvil.NewDeployedSmartAccountAsync(EthKey.Generate(), 5_000_000);
        var authorization = await AuthorizationFromAsync(account.Address);
        // The owner's key signs the digest itself: right for an EOA, but the wallet has code, so only its isValidSignature counts.
        var plain = account.Owner.Sign(Eip712.Digest(Eip3009Calls.Domain, Eip712.TransferWithAuthorizationStructHash(authorization))).ToBytes65();

        Assert.Equal("FiatTokenV2: invalid signature", await RevertReasonAsync(Eip3009Calls.WithBytes(authorization, plain)));
    }

    [Theory]
    [InlineData("RevertingWallet")]
    [InlineData("WrongMagicWallet")]
    public async Task TransferWithAuthorization_WalletRefuses_RevertsInvalidSignature(string contract)
    {
        var wallet = await anvil.DeployTestContractAsync(contract);
        await anvil.MintUsdcAsync(wallet, 5_000_000);
        var authorization = await AuthorizationFromAsync(wallet);

        Assert.Equal("FiatTokenV2: invalid signature", await RevertReasonAsync(Eip3009Calls.WithBytes(authorization, new byte[65])));
    }

    [Fact]
    public async Task TransferWithAuthorization_EoaWithANon65ByteSignature_RevertsInvalidLength()
    {
        var (payer, authorization) = await Eip3009Calls.FundedAuthorizationAsync(anvil, 1_000_000);
        var compact = Eip3009Calls.SignTransfer(payer, authorization).ToBytes65()[..64];

        Assert.Equal("ECRecover: invalid signature length", await RevertReasonAsync(Eip3009Calls.WithBytes(authorization, compact)));
    }

    private async Task<TransferAuthorization> AuthorizationFromAsync(EthAddress from) =>
        Eip3009Calls.Authorization(from, EthKey.Generate().Address, 1_000_000, await anvil.LatestBlockTimestampAsync() + 3600);

    private async Task<string?> RevertReasonAsync(byte[] data)
    {
        var revert = await Assert.ThrowsAsync<ContractRevertException>(() => anvil.Rpc.CallAsync(anvil.Usdc, data, anvil.FacilitatorKey.Address));
        return revert.Reason;
    }
}
