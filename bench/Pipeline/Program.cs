using System.Globalization;
using ParServerless.Bench.Pipeline;

// End-to-end benchmark of the isolated worker behind DevHost (bench/pipeline.sh runs it in Release); see PipelineBench.
//   ParServerless.Bench.Pipeline [N] [--cold-runs <k>] [--no-pipeline]    the benchmark, N submissions (default 1000)
//   ParServerless.Bench.Pipeline --bare-server <port>                     the bare ASP.NET Core app the cold start compares with
// Main references only these two types, so the bare mode loads no storage or scoring assembly when it starts.
if (args is ["--bare-server", var port]) return await BareServer.RunAsync(int.Parse(port, CultureInfo.InvariantCulture));
return await PipelineBench.RunAsync(args);
