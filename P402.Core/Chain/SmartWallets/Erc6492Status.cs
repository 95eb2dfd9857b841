namespace P402.Core.Chain.SmartWallets;

/// <summary>The word Erc6492Verifier answers (devchain/contracts/Erc6492Verifier.sol).</summary>
internal enum Erc6492Status
{
    /// <summary>isValidSignature answered something else than the magic value.</summary>
    Invalid = 0,
    Valid = 1,
    /// <summary>isValidSignature reverted.</summary>
    Reverted = 2,
    /// <summary>The factory call reverted.</summary>
    DeployFailed = 3,
    /// <summary>No contract at the payer, even after the factory call: the factory deploys another wallet.</summary>
    NoCode = 4,
    NotWrapped = 5,
}
