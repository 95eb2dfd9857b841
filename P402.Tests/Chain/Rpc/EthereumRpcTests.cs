using System.Numerics;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;

namespace P402.Tests.Chain.Rpc;

public sealed class EthereumRpcTests(AnvilChainFixture anvil) : IClassFixture<AnvilChainFixture>
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    private static readonly string UnknownHash = "0x" + new string('a', 64);

    [Fact]
    public async Task ChainIdAsync_DevChain_Is8453() => Assert.Equal(8453, await anvil.Rpc.ChainIdAsync());

    [Fact]
    public async Task GetBalanceAsync_UnusedDefaultAccount_Holds10000Ether() =>
        Assert.Equal(10_000 * Ether, await anvil.Rpc.GetBalanceAsync(EthAddress.Parse("0x14dC79964da2C08b23698B3D3cc7Ca32193d9955")));

    [Fact]
    public async Task FeeQueries_DevChain_AnswerPositiveFees()
    {
        Assert.True(await anvil.Rpc.GasPriceAsync() > 0);
        Assert.True(await anvil.Rpc.GetLatestBaseFeeAsync() > 0);
        Assert.True(await anvil.Rpc.MaxPriorityFeePerGasAsync() >= 0);
    }

    [Fact]
    public async Task CallAsync_Reverting_ThrowsContractRevertWithReason()
    {
        var mint = Abi.EncodeCall(Abi.Selector("mint(address,uint256)"), AbiValue.Address(EthKey.Generate().Address), AbiValue.Uint256(1));

        var revert = await Assert.ThrowsAsync<ContractRevertException>(() => anvil.Rpc.CallAsync(anvil.Usdc, mint, anvil.Chain.Payers[0].Address));

        Assert.Equal("FiatToken: caller is not a minter", revert.Reason);
        Assert.Equal([0x08, 0xc3, 0x79, 0xa0], revert.RevertData[..4]);
        Assert.IsType<JsonRpcException>(revert.InnerException);
    }

    [Fact]
    public async Task EstimateGasAsync_Reverting_ThrowsContractRevertWithReason()
    {
        var transfer = Abi.EncodeCall(Abi.Selector("transfer(address,uint256)"), AbiValue.Address(EthKey.Generate().Address), AbiValue.Uint256(1));

        var revert = await Assert.ThrowsAsync<ContractRevertException>(() => anvil.Rpc.EstimateGasAsync(anvil.Usdc, transfer, EthKey.Generate().Address));

        Assert.Equal("ERC20: transfer amount exceeds balance", revert.Reason);
    }

    [Fact]
    public async Task UnknownTransaction_ReceiptAndTransaction_AreNull()
    {
        Assert.Null(await anvil.Rpc.GetTransactionReceiptAsync(UnknownHash));
        Assert.Null(await anvil.Rpc.GetTransactionByHashAsync(UnknownHash));
    }

    [Fact]
    public async Task SendRawTransactionAsync_Garbage_ThrowsJsonRpcException() =>
        await Assert.ThrowsAsync<JsonRpcException>(() => anvil.Rpc.SendRawTransactionAsync([0x02, 0xc0]));

    [Fact]
    public async Task SendRawTransactionAsync_Type2SignedInCSharp_IsMinedWithItsFields()
    {
        var sender = EthKey.Generate();
        await anvil.Client.CallAsync("anvil_setBalance", [sender.Address, Ether]);
        var recipient = EthKey.Generate().Address;
        var nonceBefore = await anvil.Rpc.GetTransactionCountAsync(sender.Address);

        var receipt = await anvil.SendSignedAsync(sender, recipient, [], value: 12345, gasLimit: 21_000);

        Assert.True(receipt.Succeeded);
        Assert.Equal(21_000, receipt.GasUsed);
        Assert.Equal(sender.Address, receipt.From);
        Assert.Equal(recipient, receipt.To);
        Assert.True(receipt.EffectiveGasPrice > 0);
        Assert.Equal(12345, await anvil.Rpc.GetBalanceAsync(recipient));
        Assert.Equal(nonceBefore + 1, await anvil.Rpc.GetTransactionCountAsync(sender.Address, BlockTag.Latest));
        var transaction = await anvil.Rpc.GetTransactionByHashAsync(receipt.TransactionHash);
        Assert.NotNull(transaction);
        Assert.Equal(2, transaction.Type);
        Assert.Equal(nonceBefore, transaction.Nonce);
        Assert.Equal(receipt.BlockNumber, transaction.BlockNumber);
        Assert.Equal(1_000_000_000, transaction.MaxPriorityFeePerGas);
    }

    [Fact]
    public async Task GetTransactionReceiptAsync_TokenTransfer_HasTransferLog()
    {
        var sender = EthKey.Generate();
        await anvil.Client.CallAsync("anvil_setBalance", [sender.Address, Ether]);
        await anvil.MintUsdcAsync(sender.Address, 5_000_000);
        var recipient = EthKey.Generate().Address;
        var transfer = Abi.EncodeCall(Abi.Selector("transfer(address,uint256)"), AbiValue.Address(recipient), AbiValue.Uint256(1_250_000));

        var receipt = await anvil.SendSignedAsync(sender, anvil.Usdc, transfer);

        Assert.True(receipt.Succeeded);
        var log = Assert.Single(receipt.Logs);
        Assert.Equal(anvil.Usdc, log.Address);
        Assert.Equal(Keccak256.Hash("Transfer(address,address,uint256)"u8), log.Topics[0]);
        Assert.Equal(sender.Address, Abi.DecodeAddress(log.Topics[1]));
        Assert.Equal(recipient, Abi.DecodeAddress(log.Topics[2]));
        Assert.Equal(1_250_000, Abi.DecodeUint256(log.Data));
    }

    [Fact]
    public async Task PendingTransaction_AutomineOff_IsKnownWithoutReceiptUntilMined()
    {
        var sender = EthKey.Generate();
        await anvil.Client.CallAsync("anvil_setBalance", [sender.Address, Ether]);
        await anvil.SetAutomineAsync(false);
        try
        {
            var signed = await anvil.SignAsync(sender, EthKey.Generate().Address, [], 1, gasLimit: 21_000);
            var hash = await anvil.Rpc.SendRawTransactionAsync(signed.Raw);

            Assert.Equal(signed.HashHex, hash);
            Assert.Null(await anvil.Rpc.GetTransactionReceiptAsync(hash));
            Assert.True((await anvil.Rpc.GetTransactionByHashAsync(hash))!.IsPending);
            Assert.Equal(1, await anvil.Rpc.GetTransactionCountAsync(sender.Address, BlockTag.Pending));
            Assert.Equal(0, await anvil.Rpc.GetTransactionCountAsync(sender.Address, BlockTag.Latest));

            await anvil.MineAsync();

            Assert.True((await anvil.Rpc.GetTransactionReceiptAsync(hash))!.Succeeded);
        }
        finally
        {
            await anvil.SetAutomineAsync(true);
        }
    }
}
