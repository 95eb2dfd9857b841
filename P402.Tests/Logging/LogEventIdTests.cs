using System.Reflection;
using Microsoft.Extensions.Logging;
using P402.Core;
using P402.Merchant;

namespace P402.Tests.Logging;

/// <summary>
/// Every log message of P402 has an event id of its own, so that an operator's alert or search on an id finds one kind of event
/// (the sending and signer-lease logs once shared 3201–3205).
/// </summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void LoggerMessages_OfEveryAssembly_HaveDistinctEventIds()
    {
        var messages = new[] { typeof(CoreStartup).Assembly, typeof(Program).Assembly, typeof(P402PaymentOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        Assert.True(messages.Count > 50, $"found only {messages.Count} log messages: the scan is not seeing them");
        var shared = messages.GroupBy(m => m.Attribute!.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}").ToList();
        Assert.True(shared.Count == 0, "event ids used more than once:\n" + string.Join("\n", shared));
    }
}
