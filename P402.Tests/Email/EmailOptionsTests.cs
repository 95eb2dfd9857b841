using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using P402.Dashboard.Email;

namespace P402.Tests.Email;

/// <summary>Which sender is in force, and what the development mailbox keeps.</summary>
public sealed class EmailOptionsTests
{
    [Theory]
    [InlineData(null, null, true, EmailSenderKind.DevMailbox)]
    [InlineData(null, null, false, EmailSenderKind.None)]
    [InlineData("smtp.example.com", null, true, EmailSenderKind.Smtp)]
    [InlineData("smtp.example.com", null, false, EmailSenderKind.Smtp)]
    [InlineData("smtp.example.com", EmailSenderKind.DevMailbox, true, EmailSenderKind.DevMailbox)]
    [InlineData(null, EmailSenderKind.None, true, EmailSenderKind.None)]
    public void Effective_FromHostSenderAndEnvironment(string? host, EmailSenderKind? sender, bool development, EmailSenderKind expected)
    {
        var options = new EmailOptions { Sender = sender, Smtp = new SmtpOptions { Host = host } };
        Assert.Equal(expected, options.Effective(development));
    }

    [Fact]
    public void SmtpOptions_ToString_NeverShowsTheSecrets()
    {
        var text = new SmtpOptions { Host = "smtp.example.com", UserName = "user-secret", Password = "pass-secret" }.ToString();
        Assert.DoesNotContain("user-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pass-secret", text, StringComparison.Ordinal);
        Assert.Contains("smtp.example.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevMailbox_KeepsTheNewestFirst_UpToItsCapacity()
    {
        var mailbox = new DevMailbox(new FakeTimeProvider(), NullLogger<DevMailbox>.Instance);
        var changes = 0;
        mailbox.Changed += () => changes++;
        for (var i = 0; i < DevMailbox.Capacity + 5; i++)
        {
            await mailbox.SendAsync(new AccountEmail($"u{i}@example.com", $"mail {i}", "<p>x</p>", "x"), CancellationToken.None);
        }

        Assert.Equal(DevMailbox.Capacity, mailbox.Mails.Count);
        Assert.Equal($"mail {DevMailbox.Capacity + 4}", mailbox.Mails[0].Email.Subject);
        Assert.Equal("mail 5", mailbox.Mails[^1].Email.Subject);
        Assert.Equal(DevMailbox.Capacity + 5, changes);
    }
}
