using System.Runtime.InteropServices;

namespace P402.Core.Common;

/// <summary>
/// Lowers the CPU priority of the calling thread, for background writers that must not compete with requests for
/// the cores. On Linux the thread's nice value (<c>setpriority</c> on its thread id; raising it needs no privilege):
/// .NET's <see cref="Thread.Priority"/> does not change the scheduling of a thread there. Elsewhere, <see cref="Thread.Priority"/>.
/// </summary>
internal static partial class BackgroundThreadPriority
{
    private const int PrioProcess = 0;

    /// <summary>The nice value given to the calling thread on Linux (0 = normal, 19 = lowest).</summary>
    public const int Nice = 10;

    /// <summary>True when the priority was lowered.</summary>
    public static bool LowerCurrentThread()
    {
        if (OperatingSystem.IsLinux())
        {
            return SetPriority(PrioProcess, GetThreadId(), Nice) == 0;
        }
        Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        return true;
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
