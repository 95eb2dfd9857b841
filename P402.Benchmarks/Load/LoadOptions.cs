using System.Globalization;

namespace P402.Benchmarks.Load;

/// <summary>
/// <c>load SCENARIO --url URL --key KEY [--connections N] [--duration 20s] [--warmup 5s]
/// [--payers 1,2,3] [--receipt rcpt_… --resource URL] [--rpc URL] [--batch] [--rate R] [--pids server=PID,anvil=PID]</c>.
/// </summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        usage: load verify|settle|receipt-verify|anvil-calls --url http://127.0.0.1:5080 --key p402_live_…
                    [--connections 32] [--duration 20s] [--warmup 5s] [--payers 1,2,3]
                    [--receipt rcpt_… --resource https://…] [--rpc http://127.0.0.1:18545 [--batch]]
                    [--rate 5000] [--pids server=PID,anvil=PID,postgres+=PID (with its children)] [--rpc-stats http://127.0.0.1:PROXY (settle)]
        """;

    public required string Scenario { get; init; }

    public Uri? Url { get; init; }

    public string? Key { get; init; }

    public int Connections { get; init; } = 32;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Indexes into DevAccounts.Payers (1-based, as anvil's accounts 1–3).</summary>
    public IReadOnlyList<int> Payers { get; init; } = [1, 2, 3];

    public string? Receipt { get; init; }

    public string? Resource { get; init; }

    /// <summary>anvil's JSON-RPC URL, for the anvil-calls scenario.</summary>
    public Uri? Rpc { get; init; }

    /// <summary>settle: the <c>rpc-proxy</c> in front of the app's node, whose call counts give the JSON-RPC calls per settlement.</summary>
    public Uri? RpcStats { get; init; }

    /// <summary>anvil-calls: send the three calls as one JSON-RPC batch.</summary>
    public bool Batch { get; init; }

    /// <summary>
    /// Requests per second offered in total, spread evenly over the connections (open loop); null sends
    /// each next request as soon as the previous answer arrived (closed loop, the most the server can do).
    /// </summary>
    public double? Rate { get; init; }

    /// <summary>Processes whose CPU time is measured over the run, by label.</summary>
    public IReadOnlyList<(string Name, int Pid)> Pids { get; init; } = [];

    public static LoadOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("Name a scenario.");
        }
        var options = new LoadOptions { Scenario = args[0] };
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--batch")
            {
                options = options with { Batch = true };
                continue;
            }
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--url" => options with { Url = new Uri(value) },
                "--key" => options with { Key = value },
                "--connections" or "-c" => options with { Connections = int.Parse(value, CultureInfo.InvariantCulture) },
                "--duration" or "-d" => options with { Duration = ParseDuration(value) },
                "--warmup" => options with { Warmup = ParseDuration(value) },
                "--payers" => options with { Payers = [.. value.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture))] },
                "--receipt" => options with { Receipt = value },
                "--resource" => options with { Resource = value },
                "--rpc" => options with { Rpc = new Uri(value) },
                "--rpc-stats" => options with { RpcStats = new Uri(value) },
                "--rate" => options with { Rate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--pids" => options with { Pids = [.. value.Split(',').Select(ParsePid)] },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }
        return options;
    }

    /// <summary><c>20s</c>, <c>500ms</c>, <c>2m</c> or plain seconds.</summary>
    public static TimeSpan ParseDuration(string value)
    {
        if (value.EndsWith("ms", StringComparison.Ordinal))
        {
            return TimeSpan.FromMilliseconds(double.Parse(value[..^2], CultureInfo.InvariantCulture));
        }
        if (value.EndsWith('m'))
        {
            return TimeSpan.FromMinutes(double.Parse(value[..^1], CultureInfo.InvariantCulture));
        }
        return TimeSpan.FromSeconds(double.Parse(value.TrimEnd('s'), CultureInfo.InvariantCulture));
    }

    private static (string, int) ParsePid(string pair)
    {
        var parts = pair.Split('=', 2);
        return parts.Length == 2
            ? (parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture))
            : throw new ArgumentException($"--pids takes name=pid pairs, not '{pair}'.");
    }
}
