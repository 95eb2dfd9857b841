namespace P402.Merchant;

/// <summary>P402 could not be reached (connection refused, DNS, TLS) or did not answer in time.</summary>
public sealed class P402UnavailableException : Exception
{
    public P402UnavailableException()
    {
    }

    public P402UnavailableException(string message) : base(message)
    {
    }

    public P402UnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
