using System.Globalization;

namespace P402.Tests.Chain.DevChain;

/// <summary>Whether a pid is a live process: present in /proc and not a zombie waiting to be reaped.</summary>
internal static class ProcessState
{
    public static bool IsAlive(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return false;
        }
        // "pid (comm) S ...": the state follows the last ')'.
        var state = stat[(stat.LastIndexOf(')') + 2)..];
        return state[0] is not ('Z' or 'X');
    }

    public static async Task<bool> WaitUntilGoneAsync(int pid, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (IsAlive(pid))
        {
            if (deadline.IsCancellationRequested)
            {
                return false;
            }
            await Task.Delay(50, CancellationToken.None);
        }
        return true;
    }
}
