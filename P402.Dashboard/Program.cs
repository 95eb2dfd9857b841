using P402.Core;
using P402.Dashboard;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddP402OperatorConfig();
builder.AddP402Dashboard();

var app = builder.Build();
await app.Services.GetRequiredService<CoreStartup>().RunAsync(app.Lifetime.ApplicationStopping);
app.UseP402Dashboard();
await app.RunAsync();

/// <summary>Entry point; public so that WebApplicationFactory can start the real app in tests.</summary>
public partial class Program;
