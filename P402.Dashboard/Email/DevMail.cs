namespace P402.Dashboard.Email;

/// <summary>A mail the development mailbox kept.</summary>
public sealed record DevMail(string Id, AccountEmail Email, DateTime SentAt);
