namespace P402.Dashboard.Email;

/// <summary>No sender configured outside Development: the mail is dropped, and the log says so each time.</summary>
internal sealed class NoMailTransport(ILogger<NoMailTransport> logger) : IAccountMailTransport
{
    public Task SendAsync(AccountEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        EmailLog.NotSent(logger, email.Subject);
        return Task.CompletedTask;
    }
}
