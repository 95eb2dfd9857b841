namespace P402.Dashboard.Email;

/// <summary>One account mail, written once for every sender: a subject, an HTML body and its plain-text twin.</summary>
public sealed record AccountEmail(string To, string Subject, string Html, string Text);
