using System.ComponentModel.DataAnnotations;

namespace P402.Dashboard.Email;

/// <summary>
/// Section <c>Email</c>: account mail. <see cref="Sender"/> unset means SMTP when <c>Email:Smtp:Host</c> is set, else the
/// dev mailbox in Development, else none.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public EmailSenderKind? Sender { get; set; }

    [Required]
    [EmailAddress]
    public string From { get; set; } = "no-reply@p402.localhost";

    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string FromName { get; set; } = "P402";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender in force for this environment.</summary>
    public EmailSenderKind Effective(bool isDevelopment) => Sender ?? (
        !string.IsNullOrWhiteSpace(Smtp.Host) ? EmailSenderKind.Smtp
        : isDevelopment ? EmailSenderKind.DevMailbox
        : EmailSenderKind.None);
}
