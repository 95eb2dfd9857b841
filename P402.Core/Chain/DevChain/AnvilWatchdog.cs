using System.Diagnostics;
using System.Globalization;

namespace P402.Core.Chain.DevChain;

/// <summary>
/// Starts anvil under <c>/bin/sh</c> with a watchdog bound to the pipe on the shell's standard input.
/// The .NET process holds the only write end of that pipe, so its read end reaches end-of-file when
/// the .NET side closes it (Dispose), exits, or dies abruptly (the kernel closes a killed process's
/// files). The watchdog then sends anvil SIGTERM (anvil writes its --state file on the way out)
/// and SIGKILL after five seconds. The shell itself waits for anvil, so its exit means anvil's.
/// </summary>
internal static class AnvilWatchdog
{
    public const string PidMarker = "p402-anvil-pid=";

    private const string Script = """
        anvil=$1; shift
        "$anvil" "$@" </dev/null &
        pid=$!
        echo "p402-anvil-pid=$pid"
        exec 3<&0 0</dev/null
        {
          cat <&3 >/dev/null
          kill -TERM "$pid" 2>/dev/null
          i=0
          while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 100 ]; do sleep 0.05; i=$((i+1)); done
          kill -KILL "$pid" 2>/dev/null
        } >/dev/null 2>&1 &
        exec 3<&-
        wait "$pid"
        """;

    /// <summary>The shell running anvil on <paramref name="port"/>: a fixed one, or 0 for any free one.</summary>
    public static ProcessStartInfo CreateStartInfo(string anvilPath, long chainId, int port, string? statePath, int? blockTime)
    {
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        [
            "-c", Script, "p402-anvil", anvilPath,
            "--chain-id", chainId.ToString(CultureInfo.InvariantCulture),
            "--host", "127.0.0.1",
            // 0: the kernel picks a free port as anvil binds it; anvil prints "Listening on 127.0.0.1:PORT".
            // Not --silent, which would hide that line too; AnvilOutput drops the banner (the dev keys).
            "--port", port.ToString(CultureInfo.InvariantCulture),
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        if (statePath is not null)
        {
            startInfo.ArgumentList.Add("--state");
            startInfo.ArgumentList.Add(statePath);
            // Also write it every few seconds, so even a killed run keeps most of its chain.
            startInfo.ArgumentList.Add("--state-interval");
            startInfo.ArgumentList.Add("5");
        }
        if (blockTime is { } seconds)
        {
            startInfo.ArgumentList.Add("--block-time");
            startInfo.ArgumentList.Add(seconds.ToString(CultureInfo.InvariantCulture));
        }
        return startInfo;
    }
}
