using System.Globalization;
using ParServerless.Benchmarks.Scoring;

if (args is ["--paired", .. var rest])
{
    PairedScoringRun.Run(rest is [var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 41);
    return;
}
BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
