using System.Net;

namespace P402.Dashboard.Email;

/// <summary>
/// The texts of account mail. Links arrive HTML-encoded from the Identity pages (the template's convention); the
/// plain-text part gets them decoded.
/// </summary>
internal static class AccountEmails
{
    public static AccountEmail ConfirmationLink(string to, string encodedLink) => Link(to, "Confirm your email for P402",
        "Confirm that this address is yours, and P402 can send you password resets and notices.", "Confirm your email", encodedLink);

    public static AccountEmail PasswordResetLink(string to, string encodedLink) => Link(to, "Reset your P402 password",
        "Someone (we hope you) asked to reset the password of your P402 account. If it was not you, ignore this mail.", "Set a new password", encodedLink);

    public static AccountEmail PasswordResetCode(string to, string code) => new(to, "Your P402 password reset code",
        $"<p>Your password reset code is <strong>{WebUtility.HtmlEncode(code)}</strong>.</p>",
        $"Your password reset code is {code}.");

    private static AccountEmail Link(string to, string subject, string intro, string action, string encodedLink) => new(to, subject,
        $"<p>{WebUtility.HtmlEncode(intro)}</p><p><a href=\"{encodedLink}\">{WebUtility.HtmlEncode(action)}</a></p>",
        $"{intro}\n\n{action}: {WebUtility.HtmlDecode(encodedLink)}\n");
}
