using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using P402.Core.Merchants;

namespace P402.Dashboard.Email;

/// <summary>Account mail: the options, the Identity sender, and the transport for this environment.</summary>
internal static class EmailComposition
{
    public static IServiceCollection AddP402Email(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Sender != EmailSenderKind.Smtp || !string.IsNullOrWhiteSpace(o.Smtp.Host), "Email:Sender=Smtp needs Email:Smtp:Host.")
            .Validate(o => o.Smtp.Port is > 0 and <= 65535 && o.Smtp.TimeoutSeconds is > 0 and <= 300, "Email:Smtp:Port must be 1-65535 and TimeoutSeconds 1-300.")
            .Validate(o => string.IsNullOrEmpty(o.Smtp.Password) || !string.IsNullOrEmpty(o.Smtp.UserName), "Email:Smtp:Password is set without Email:Smtp:UserName.")
            .ValidateOnStart();
        services.AddSingleton<DevMailbox>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<NoMailTransport>();
        services.AddSingleton<IAccountMailTransport>(provider =>
        {
            var kind = provider.GetRequiredService<IOptions<EmailOptions>>().Value.Effective(provider.GetRequiredService<IHostEnvironment>().IsDevelopment());
            var logger = provider.GetRequiredService<ILogger<EmailOptions>>();
            EmailLog.SenderInForce(logger, kind);
            return kind switch
            {
                EmailSenderKind.Smtp => provider.GetRequiredService<SmtpMailTransport>(),
                EmailSenderKind.DevMailbox => provider.GetRequiredService<DevMailbox>(),
                EmailSenderKind.None => provider.GetRequiredService<NoMailTransport>(),
            };
        });
        services.AddSingleton<IEmailSender<P402User>, AccountEmailSender>();
        return services;
    }

    /// <summary>True when <c>/dev/mailbox</c> is offered: Development with the dev mailbox in force.</summary>
    public static bool DevMailboxOpen(IServiceProvider services) =>
        services.GetRequiredService<IOptions<EmailOptions>>().Value.Effective(services.GetRequiredService<IHostEnvironment>().IsDevelopment())
            == EmailSenderKind.DevMailbox
        && services.GetRequiredService<IHostEnvironment>().IsDevelopment();
}
