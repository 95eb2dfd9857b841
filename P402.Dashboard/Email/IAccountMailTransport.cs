namespace P402.Dashboard.Email;

/// <summary>Delivers an <see cref="AccountEmail"/>: SMTP, the dev mailbox, or nowhere.</summary>
public interface IAccountMailTransport
{
    Task SendAsync(AccountEmail email, CancellationToken cancellationToken);
}
