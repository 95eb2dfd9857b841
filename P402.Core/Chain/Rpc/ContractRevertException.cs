namespace P402.Core.Chain.Rpc;

/// <summary>
/// An <c>eth_call</c> or gas estimate reverted. <see cref="RevertData"/> is the raw ABI-encoded error
/// (empty for a bare <c>revert()</c>); <see cref="Reason"/> is the decoded <c>Error(string)</c> message
/// when there is one, e.g. "FiatTokenV2: authorization is used or canceled".
/// </summary>
public sealed class ContractRevertException : Exception
{
    public ContractRevertException(byte[] revertData, string? reason, Exception? innerException = null)
        : base(reason is null ? "The call reverted." : $"The call reverted: {reason}", innerException)
    {
        RevertData = revertData;
        Reason = reason;
    }

    public byte[] RevertData { get; }

    public string? Reason { get; }
}
