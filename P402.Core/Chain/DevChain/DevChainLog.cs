using System.Numerics;
using Microsoft.Extensions.Logging;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.DevChain;

internal static partial class DevChainLog
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "anvil {ProcessId} answers on {RpcUrl} (chain {ChainId}, state {StatePath})")]
    public static partial void AnvilStarted(ILogger logger, int processId, Uri rpcUrl, long chainId, string? statePath);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "anvil: {Line}")]
    public static partial void AnvilOutput(ILogger logger, string line);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information, Message = "anvil {ProcessId} stopped")]
    public static partial void AnvilStopped(ILogger logger, int processId);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "anvil {ProcessId} did not stop in time and was killed")]
    public static partial void AnvilKilled(ILogger logger, int processId);

    [LoggerMessage(EventId = 7110, Level = LogLevel.Information, Message = "DevUsdc placed at {Address}")]
    public static partial void TokenPlaced(ILogger logger, EthAddress address);

    [LoggerMessage(EventId = 7113, Level = LogLevel.Information, Message = "Smart-wallet factory deployed at {Factory}, Multicall3 placed at {Multicall3}")]
    public static partial void SmartWalletsPlaced(ILogger logger, EthAddress factory, EthAddress multicall3);

    [LoggerMessage(EventId = 7111, Level = LogLevel.Information, Message = "Minted {Amount} USDC units to {Payer}")]
    public static partial void PayerFunded(ILogger logger, EthAddress payer, BigInteger amount);

    [LoggerMessage(EventId = 7112, Level = LogLevel.Debug, Message = "{Payer} already holds {Balance} USDC units")]
    public static partial void PayerAlreadyFunded(ILogger logger, EthAddress payer, BigInteger balance);
}
