namespace P402.Dashboard.Email;

/// <summary>Account-mail messages (event ids 52xx). Never a link or a code: they are credentials.</summary>
internal static partial class EmailLog
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Sent \"{Subject}\" through {Host}")]
    public static partial void Sent(ILogger logger, string subject, string host);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "No mail sender is configured (Email:Smtp:Host); \"{Subject}\" was not sent")]
    public static partial void NotSent(ILogger logger, string subject);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information, Message = "Development mailbox: \"{Subject}\" kept; open /dev/mailbox to read it")]
    public static partial void Kept(ILogger logger, string subject);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Information, Message = "Account mail goes to {Sender}")]
    public static partial void SenderInForce(ILogger logger, EmailSenderKind sender);
}
