namespace P402.Core.Chain.Signers;

/// <summary>No signer key could be leased in time: other instances hold them (or the database did not answer). Nothing was signed; a retry may succeed.</summary>
public sealed class SignerLeaseUnavailableException : Exception
{
    public SignerLeaseUnavailableException()
    {
    }

    public SignerLeaseUnavailableException(string message) : base(message)
    {
    }

    public SignerLeaseUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
