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
await app.Services.GetRequiredService<CoreStartup>().RunAsync(app.Lifetime.ApplicationStopping);
app.UseP402Dashboard();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that WebApplicationFactory can start the real app in tests.</summary>
public partial class Program;
