using BenchmarkDotNet.Running;
using P402.Benchmarks;
using P402.Benchmarks.Load;

// `load <scenario> …` drives the running app over HTTP, `core …` Core's hot paths in-process, `cpu Class.Method`
// one benchmark's CPU per operation (see README.md); anything else is BenchmarkDotNet.
if (args is [LoadCommand.Name, ..])
{
    return await LoadCommand.RunAsync(args[1..], Console.Out);
}
if (args is [RpcProxyCommand.Name, ..])
{
    return await RpcProxyCommand.RunAsync(args[1..], Console.Out);
}
if (args is [CoreCommand.Name, ..])
{
    return await CoreCommand.RunAsync(args[1..], Console.Out);
}
if (args is [CpuCommand.Name, ..])
{
    return await CpuCommand.RunAsync(args[1..], Console.Out);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
