using System.Numerics;
using Nethereum.ABI.EIP712;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// EIP-3009's <c>TransferWithAuthorization</c> as Nethereum's EIP-712 typed data: the domain separator is
/// computed from it, and the differential test and the benchmark hash and sign through it.
/// </summary>
internal static class Eip3009TypedData
{
    public const string PrimaryType = "TransferWithAuthorization";

    public static TypedData<Domain> Create(string name, string version, BigInteger chainId, EthAddress verifyingContract) => new()
    {
        Domain = new Domain { Name = name, Version = version, ChainId = chainId, VerifyingContract = verifyingContract.ToString() },
        Types = MemberDescriptionFactory.GetTypesMemberDescription(typeof(Domain), typeof(Message)),
        PrimaryType = PrimaryType,
    };

    public static Message ToMessage(TransferAuthorization a) => new()
    {
        From = a.From.ToString(),
        To = a.To.ToString(),
        Value = a.Value,
        ValidAfter = a.ValidAfter,
        ValidBefore = a.ValidBefore,
        Nonce = a.Nonce,
    };

    [Struct(PrimaryType)]
    public sealed class Message
    {
        [Parameter("address", "from", 1)]
        public string From { get; set; } = "";

        [Parameter("address", "to", 2)]
        public string To { get; set; } = "";

        [Parameter("uint256", "value", 3)]
        public BigInteger Value { get; set; }

        [Parameter("uint256", "validAfter", 4)]
        public BigInteger ValidAfter { get; set; }

        [Parameter("uint256", "validBefore", 5)]
        public BigInteger ValidBefore { get; set; }

        [Parameter("bytes32", "nonce", 6)]
        public byte[] Nonce { get; set; } = [];
    }
}
