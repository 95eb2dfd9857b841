using System.Diagnostics;

namespace P402.Tests.Infrastructure;

/// <summary>
/// This test run's own temp folder (<c>/tmp/p402-tests/run-PID</c>): the SQLite files, receipt files and home folders the tests
/// make go in it, and it is deleted when the run's process exits, so that a run leaves nothing behind (thousands of files after
/// a day of runs, before). Folders of runs that were killed before they could delete theirs go at the start of the next run.
/// </summary>
internal static class TestTemp
{
    private const string RunPrefix = "run-";
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "p402-tests");

    public static string Folder { get; } = Create();

    /// <summary>A new path in the run's folder: <paramref name="prefix"/>, a unique part, <paramref name="extension"/> (".db", or "" for a folder).</summary>
    public static string NewPath(string prefix, string extension = "") => Path.Combine(Folder, $"{prefix}-{Guid.NewGuid():N}{extension}");

    private static string Create()
    {
        Directory.CreateDirectory(Root);
        foreach (var stale in Directory.EnumerateDirectories(Root, RunPrefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(stale).AsSpan(RunPrefix.Length), out var pid) && !IsRunning(pid))
            {
                TryDelete(stale);
            }
        }
        var folder = Path.Combine(Root, RunPrefix + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        return folder;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Another run of the same process id, or a file still being written: the next run tries again.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
