using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Merchants;
using P402.Dashboard.Email;
using P402.Tests.Infrastructure;

namespace P402.Tests.Email;

/// <summary>With <c>Email:Smtp:Host</c> set, Identity's mail goes out over real SMTP (MailKit) to a real server on a loopback port.</summary>
public sealed class SmtpEmailSenderTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>, IAsyncLifetime
{
    private readonly SmtpCatcher _smtp = new();
    private P402AppFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new P402AppFactory(chain, settings: new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = _smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:UserName"] = "mailer",
            ["Email:Smtp:Password"] = "from-the-environment",
            ["Email:From"] = "billing@shop.example",
            ["Email:FromName"] = "Shop billing",
        });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PasswordResetLink_SentOverSmtp_ArrivesWithTheLinkSenderAndCredentials()
    {
        var sender = _app.Services.GetRequiredService<IEmailSender<P402User>>();
        var link = "http://127.0.0.1/Account/ResetPassword?code=abc&x=1";

        await sender.SendPasswordResetLinkAsync(new P402User { Email = "owner@merchant.example" }, "owner@merchant.example", HtmlEncoder.Default.Encode(link));

        var mail = await _smtp.NextAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("billing@shop.example", mail.From);
        Assert.Equal(["owner@merchant.example"], mail.To);
        Assert.Equal(("mailer", "from-the-environment"), (mail.UserName, mail.Password));
        Assert.Equal("Reset your P402 password", mail.Message.Subject);
        Assert.Equal("Shop billing", Assert.Single(mail.Message.From.Mailboxes).Name);
        Assert.Contains("href=\"http://127.0.0.1/Account/ResetPassword?code=abc&amp;x=1\"", mail.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(link, mail.Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmationLink_SentOverSmtp_Arrives()
    {
        var sender = _app.Services.GetRequiredService<IEmailSender<P402User>>();

        await sender.SendConfirmationLinkAsync(new P402User { Email = "new@merchant.example" }, "new@merchant.example", "http://127.0.0.1/Account/ConfirmEmail?userId=u&amp;code=c");

        var mail = await _smtp.NextAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("Confirm your email for P402", mail.Message.Subject);
        Assert.Contains("http://127.0.0.1/Account/ConfirmEmail?userId=u&code=c", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.False(EmailComposition.DevMailboxOpen(_app.Services));
    }

    [Fact]
    public async Task DevMailbox_WithSmtpConfigured_NotFound()
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync("/dev/mailbox");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
