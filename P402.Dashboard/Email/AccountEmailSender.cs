using Microsoft.AspNetCore.Identity;
using P402.Core.Merchants;

namespace P402.Dashboard.Email;

/// <summary>Identity's mail (confirmation links, password resets), written by <see cref="AccountEmails"/> and handed to the transport in force.</summary>
internal sealed class AccountEmailSender(IAccountMailTransport transport) : IEmailSender<P402User>
{
    public Task SendConfirmationLinkAsync(P402User user, string email, string confirmationLink) =>
        transport.SendAsync(AccountEmails.ConfirmationLink(email, confirmationLink), CancellationToken.None);

    public Task SendPasswordResetLinkAsync(P402User user, string email, string resetLink) =>
        transport.SendAsync(AccountEmails.PasswordResetLink(email, resetLink), CancellationToken.None);

    public Task SendPasswordResetCodeAsync(P402User user, string email, string resetCode) =>
        transport.SendAsync(AccountEmails.PasswordResetCode(email, resetCode), CancellationToken.None);
}
