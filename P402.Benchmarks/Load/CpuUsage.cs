using System.Diagnostics;
using System.Globalization;

namespace P402.Benchmarks.Load;

/// <summary>
/// CPU time used over the measured phase by this load generator, by each named process (from
/// /proc/PID/stat) and by the whole machine (from /proc/stat), so that a run on a shared 2-core
/// machine says who spent the cores: the server, anvil, or the load generator itself.
/// </summary>
internal sealed class CpuUsage
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    private readonly IReadOnlyList<(string Name, int Pid)> _pids;
    private readonly double[] _startSeconds;
    private readonly TimeSpan _selfStart;
    private readonly (long Busy, long Total) _machineStart;
    private readonly long _started;

    private CpuUsage(IReadOnlyList<(string Name, int Pid)> pids)
    {
        _pids = pids;
        _startSeconds = [.. pids.Select(Seconds)];
        _selfStart = Process.GetCurrentProcess().TotalProcessorTime;
        _machineStart = Machine();
        _started = Stopwatch.GetTimestamp();
    }

    public TimeSpan Elapsed { get; private set; }

    /// <summary>Label → CPU seconds used during the phase (including "load generator").</summary>
    public IReadOnlyList<(string Name, double Seconds)> Processes { get; private set; } = [];

    /// <summary>Share of all cores busy during the phase, 0–1.</summary>
    public double MachineBusy { get; private set; }

    public static CpuUsage Start(IReadOnlyList<(string Name, int Pid)> pids) => new(pids);

    public CpuUsage Stop()
    {
        Elapsed = Stopwatch.GetElapsedTime(_started);
        var used = _pids.Select((p, i) => (p.Name, Seconds(p) - _startSeconds[i])).ToList();
        used.Add(("load generator", (Process.GetCurrentProcess().TotalProcessorTime - _selfStart).TotalSeconds));
        Processes = used;
        var machine = Machine();
        var total = machine.Total - _machineStart.Total;
        MachineBusy = total == 0 ? 0 : (double)(machine.Busy - _machineStart.Busy) / total;
        return this;
    }

    /// <summary>A name ending in <c>+</c> (<c>--pids postgres+=PID</c>) counts the process and its children (PostgreSQL's backends).</summary>
    private static double Seconds((string Name, int Pid) process) =>
        process.Name.EndsWith('+') ? TreeSeconds(process.Pid) : ProcessSeconds(process.Pid);

    private static double ProcessSeconds(int pid) => Ticks(Fields(pid), withReapedChildren: false) / ClockTicksPerSecond;

    private static double TreeSeconds(int pid)
    {
        var ticks = Ticks(Fields(pid), withReapedChildren: true);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var child) || child == pid)
            {
                continue;
            }
            try
            {
                var fields = Fields(child);
                if (fields[1] == pid.ToString(CultureInfo.InvariantCulture)) // field 4: ppid
                {
                    ticks += Ticks(fields, withReapedChildren: true);
                }
            }
            catch (IOException)
            {
                // It ended meanwhile: its time is in the parent's reaped-children total.
            }
        }
        return ticks / ClockTicksPerSecond;
    }

    /// <summary>The fields after "(comm)": state is field 3 (index 0), ppid 4, utime 14 and stime 15, the reaped children's 16 and 17 (1-based).</summary>
    private static string[] Fields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static long Ticks(string[] fields, bool withReapedChildren) =>
        long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
        + (withReapedChildren ? long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture) : 0);

    private static (long Busy, long Total) Machine()
    {
        var line = File.ReadLines("/proc/stat").First();
        var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = values[3] + values[4];
        var total = values.Sum();
        return (total - idle, total);
    }
}
