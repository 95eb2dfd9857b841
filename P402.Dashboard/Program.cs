using P402.Core;
using P402.Dashboard;
using P402.Dashboard.Cli;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddP402OperatorConfig();
builder.AddP402Dashboard();

var app = builder.Build();
if (args is [CreateMerchantCommand.Name, ..])
{
    return await CreateMerchantCommand.RunAsync(app.Services, args, Console.Out);
}
try
{
    await app.Services.GetRequiredService<CoreStartup>().RunAsync(app.Lifetime.ApplicationStopping);
}
catch (Microsoft.Extensions.Options.OptionsValidationException invalid)
{
    await Console.Error.WriteLineAsync(StartupRefusal.Describe(invalid));
    return 1;
}
app.UseP402Dashboard();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that WebApplicationFactory can start the real app in tests.</summary>
public partial class Program;
