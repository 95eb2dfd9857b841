using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace P402.Benchmarks;

/// <summary>
/// <c>cpu Class.Method [--ops N] [--rounds R]</c>: runs one of this assembly's BenchmarkDotNet methods N times
/// on one thread (after its [GlobalSetup] and a warm-up of N/10) and prints the process CPU and wall time per
/// operation, R times. On a shared, loaded machine the CPU per operation stays meaningful where wall time does not.
/// </summary>
internal static class CpuCommand
{
    public const string Name = "cpu";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args is not [var target, ..] || target.Split('.') is not [var typeName, var methodName])
        {
            await output.WriteLineAsync("usage: cpu Class.Method [--ops N] [--rounds R]");
            return 2;
        }
        var ops = Option(args, "--ops", 2_000);
        var rounds = Option(args, "--rounds", 3);
        var type = typeof(CpuCommand).Assembly.GetTypes().Single(t => t.Name == typeName);
        var method = type.GetMethod(methodName) ?? throw new ArgumentException($"{typeName} has no method {methodName}.");
        var instance = Activator.CreateInstance(type)!;
        foreach (var setup in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null))
        {
            setup.Invoke(instance, null);
        }
        await RunOpsAsync(method, instance, Math.Max(1, ops / 10));
        for (var round = 1; round <= rounds; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            await RunOpsAsync(method, instance, ops);
            var cpuPerOp = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / ops;
            var wallPerOp = wall.Elapsed.TotalMicroseconds / ops;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{typeName}.{methodName} round {round}: {ops} ops, cpu {cpuPerOp:0.0} us/op, wall {wallPerOp:0.0} us/op"));
        }
        return 0;
    }

    private static async Task RunOpsAsync(MethodInfo method, object instance, int ops)
    {
        for (var i = 0; i < ops; i++)
        {
            if (method.Invoke(instance, null) is Task task)
            {
                await task;
            }
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
