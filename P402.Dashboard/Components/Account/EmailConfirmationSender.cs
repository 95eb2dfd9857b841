using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using P402.Core.Merchants;

namespace P402.Dashboard.Components.Account;

/// <summary>Mails a user the link that confirms their address (at registration, and on "resend").</summary>
internal sealed class EmailConfirmationSender(UserManager<P402User> users, IEmailSender<P402User> sender, NavigationManager navigation)
{
    public async Task SendAsync(P402User user, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = await users.GetUserIdAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var callbackUrl = navigation.GetUriWithQueryParameters(
            navigation.ToAbsoluteUri("Account/ConfirmEmail").AbsoluteUri,
            new Dictionary<string, object?> { ["userId"] = userId, ["code"] = code, ["returnUrl"] = returnUrl });
        await sender.SendConfirmationLinkAsync(user, user.Email!, HtmlEncoder.Default.Encode(callbackUrl));
    }
}
