using P402.Core.Common;

namespace P402.Dashboard.Email;

/// <summary>
/// Development only: account mail kept in this process (the newest <see cref="Capacity"/>) instead of sent, for
/// <c>/dev/mailbox</c>, so that confirmation and password reset work on a fresh machine with no mail server.
/// </summary>
internal sealed class DevMailbox(TimeProvider time, ILogger<DevMailbox> logger) : IAccountMailTransport
{
    public const int Capacity = 200;

    private readonly Lock _lock = new();
    private readonly LinkedList<DevMail> _mails = new();

    /// <summary>Raised after a mail is kept; the mailbox page refreshes on it.</summary>
    public event Action? Changed;

    public Task SendAsync(AccountEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        lock (_lock)
        {
            _mails.AddFirst(new DevMail(Ids.New("mail_", time), email, time.GetUtcNow().UtcDateTime));
            if (_mails.Count > Capacity)
            {
                _mails.RemoveLast();
            }
        }
        EmailLog.Kept(logger, email.Subject);
        Changed?.Invoke();
        return Task.CompletedTask;
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<DevMail> Mails
    {
        get
        {
            lock (_lock)
            {
                return [.. _mails];
            }
        }
    }
}
