namespace P402.Dashboard.Email;

/// <summary>Where account mail (confirmation, password reset) goes.</summary>
public enum EmailSenderKind
{
    /// <summary>An SMTP server (<c>Email:Smtp</c>), through MailKit.</summary>
    Smtp,

    /// <summary>Development only: kept in this process and shown at <c>/dev/mailbox</c>.</summary>
    DevMailbox,

    /// <summary>Nothing is sent (the start-up log says so): password reset cannot work.</summary>
    None,
}
