namespace P402.Core.Payments.Signatures;

/// <summary>The three kinds of payment signature (DESIGN.md), as their bytes show them.</summary>
public enum SignatureKind
{
    /// <summary>ECDSA-shaped: 65 bytes r‖s‖v (v 27/28 or 0/1), or the 64-byte ERC-2098 compact form.</summary>
    Ecdsa,

    /// <summary>Any other bytes: only a payer with code (EIP-1271 <c>isValidSignature</c>) can accept them.</summary>
    Erc1271,

    /// <summary>Ends with ERC-6492's magic suffix: a counterfactual wallet's factory, its calldata, its signature.</summary>
    Erc6492,
}
