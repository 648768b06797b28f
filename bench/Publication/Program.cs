using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParServerless.Bench.Publication;
using ParServerless.Pipeline;
using ParServerless.Pipeline.Api;
using ParServerless.Pipeline.Api.Contracts;
using ParServerless.Pipeline.Publication;
using ParServerless.Pipeline.Registry;
using ParServerless.Pipeline.Storage;
using ParServerless.Pipeline.Tests.Support;
using ParServerless.Testing.Azurite;

// Publication benchmark (issue #14). For each size (default 300 and 4500 units) it builds two identical years on one Azurite
// (on disk), then publishes one with today's sequential path and the other with the durable job, each in a process of its own
// so that its peak resident memory (VmHWM) is the publication's alone. Writes bench/artifacts/publication.md.
//   ParServerless.Bench.Publication [--memory] [sizes…]
//     --memory: Azurite keeps its data in memory. On disk (the default, as the earlier figures), Azurite's table store
//     (LokiJS) re-serialises its whole database every 5 s while anything changed: with two 4,500-unit years that is some
//     360,000 mark rows written out again and again on the same two cores, a cost Azure Table storage does not have.
//   ParServerless.Bench.Publication --measure sequential|durable <connection string> <year>     (child)
//   ParServerless.Bench.Publication --sheets [count] [dump folder]      (one sheet's CPU cost, no storage)
//   ParServerless.Bench.Publication --decision <units> [dump folder]    (the Decision's cost, no storage)
//   ParServerless.Bench.Publication --named-sheets <units> [varied]     (each unit's sheet once; varied: commune names)
if (args is ["--measure", var mode, var connection, var yearText]) return await Measure.RunAsync(mode, connection, int.Parse(yearText, CultureInfo.InvariantCulture));

if (args is ["--decision", var decisionUnits, .. var decisionDump])
    return SheetCost.Decision(int.Parse(decisionUnits, CultureInfo.InvariantCulture), decisionDump.FirstOrDefault());
if (args is ["--named-sheets", var namedUnits, .. var namedArgs])
    return SheetCost.Named(int.Parse(namedUnits, CultureInfo.InvariantCulture), namedArgs is ["varied"]);
if (args is ["--sheets", .. var sheetArgs])
    return SheetCost.Run(sheetArgs.Length > 0 ? int.Parse(sheetArgs[0], CultureInfo.InvariantCulture) : 300, sheetArgs.Length > 1 ? sheetArgs[1] : null);

var inMemory = args.Contains("--memory");
var sizeArgs = args.Where(a => a != "--memory").ToArray();
var sizes = sizeArgs.Length > 0 ? sizeArgs.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [300, 4500];
var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average at start {Measure.LoadAverage()}, {Measure.Build()} build, Azurite {(inMemory ? "in memory" : "on disk")}.");
report.AppendLine();
report.AppendLine("| Units | Path | Time | Ratio | CPU | Peak RSS | Documents | Load average (1/5/15 min) before |");
report.AppendLine("|---:|---|---:|---:|---:|---:|---:|---|");
var year = 2030;
foreach (var units in sizes)
{
    await using var azurite = inMemory ? await AzuriteInstance.StartInMemoryAsync() : await AzuriteInstance.StartOnDiskAsync();
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString }).Build();
    await using (var services = new ServiceCollection().AddLogging().AddParServerless(configuration).BuildServiceProvider())
    {
        var built = Stopwatch.StartNew();
        await ProvinceWorld.BuildAsync(services, azurite.ConnectionString, year, units);
        await ProvinceWorld.BuildAsync(services, azurite.ConnectionString, year + 1, units);
        Console.WriteLine($"{units} units: two years built in {built.Elapsed.TotalSeconds:0} s");
    }
    var sequential = Measure.Child("sequential", azurite.ConnectionString, year);
    var durable = Measure.Child("durable", azurite.ConnectionString, year + 1);
    foreach (var (name, m) in new[] { ("today's sequential path (baseline)", sequential), ("durable job, parallel", durable) })
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {units:N0} | {name} | {m.Seconds:0.0} s | {m.Seconds / sequential.Seconds:0.00} | {m.CpuSeconds:0.0} s | {m.PeakMb:0} MB | {m.Documents:N0} | {m.Load} |");
    Console.WriteLine(report);
    year += 2;
}
var output = Path.Combine(Measure.FindRoot(), "bench", "artifacts", "publication.md");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, report.ToString());
Console.WriteLine(report);
return 0;

namespace ParServerless.Bench.Publication
{
    /// <param name="CpuSeconds">The publishing process's CPU time (user + system), start-up included; Azurite's is not counted.</param>
    internal sealed record Figures(double Seconds, double PeakMb, int Documents, string Load, double CpuSeconds);

    internal static class Measure
    {
        public static Figures Child(string mode, string connection, int year)
        {
            var load = LoadAverage();
            var start = new ProcessStartInfo(Environment.ProcessPath!, ["--measure", mode, connection, year.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
            };
            if (Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal))
                start = new ProcessStartInfo("dotnet", [typeof(Measure).Assembly.Location, "--measure", mode, connection, year.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            foreach (var timing in text.Split('\n').Where(l => l.Contains("computed in", StringComparison.Ordinal) || l.StartsWith("GC ", StringComparison.Ordinal))) Console.WriteLine(timing.Trim());
            var line = text.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"{mode} {year} failed (exit {process.ExitCode}):\n{text}");
            var parts = line.Split(' ');
            Console.WriteLine(line);
            return new Figures(double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture),
                int.Parse(parts[3], CultureInfo.InvariantCulture), load, double.Parse(parts[4], CultureInfo.InvariantCulture));
        }

        public static async Task<int> RunAsync(string mode, string connection, int year)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connection }).Build();
            // The durable path logs its phase timings (compute, render, save); nothing else.
            await using var services = new ServiceCollection()
                .AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning)
                    .AddFilter("ParServerless.Pipeline.Publication.DecisionService", Microsoft.Extensions.Logging.LogLevel.Information))
                .AddParServerless(configuration).BuildServiceProvider();
            // Warm up what any instance has warm (fonts, storage connections) on a tiny draft of another year is not possible
            // without another year; both paths start equally cold, which is what a queue-triggered instance sees.
            var watch = Stopwatch.StartNew();
            if (mode == "sequential")
            {
                await SequentialBaseline.PublishAsync(services.GetRequiredService<YearComputation>(), services.GetRequiredService<YearStore>(),
                    services.GetRequiredService<ResultStore>(), services.GetRequiredService<DocumentStore>(), year, CancellationToken.None);
            }
            else
            {
                var reply = (JsonReply)await services.GetRequiredService<AdminApi>().GenerateAsync(year, publish: true, CancellationToken.None);
                var job = (PublicationStatusView)reply.Body;
                var queue = new QueueClient(connection, StorageNames.Queues.Publications, StorageClients.QueueOptions);
                var message = (await queue.ReceiveMessageAsync(TimeSpan.FromMinutes(10))).Value;
                await services.GetRequiredService<PublicationWorker>().RunAsync(message.Body.ToString(), message.DequeueCount, CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                var done = await services.GetRequiredService<PublicationJobStore>().GetAsync(year, job.Id, CancellationToken.None);
                if (done?.State != PublicationState.Succeeded) throw new InvalidOperationException($"job {job.Id}: {done?.State} {done?.OutcomeCode} {done?.OutcomeEn}");
            }
            watch.Stop();
            var record = (await services.GetRequiredService<YearStore>().GetAsync(year, CancellationToken.None))!;
            if (record.Status != YearStatus.Published) throw new InvalidOperationException("not published");
            var documents = (await services.GetRequiredService<DocumentStore>().ListAsync(year, record.PublishedHash!, CancellationToken.None)).Count;
            // CPU time too: on a shared machine the wall time also counts waiting for a core.
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            // Where the CPU went that is not our code's: the collector's pauses and how much was allocated.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"GC {mode}: paused {GC.GetTotalPauseDuration().TotalSeconds:0.0} s, allocated {GC.GetTotalAllocatedBytes() / 1e9:0.0} GB, collections gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {watch.Elapsed.TotalSeconds:0.000} {PeakMb():0} {documents} {cpu:0.0}"));
            return 0;
        }

        private static double PeakMb()
        {
            var line = File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }

        /// <summary>"ReadyToRun" when the pipeline's assemblies carry native code (bench/publication.sh), else "IL".</summary>
        public static string Build()
        {
            using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(typeof(DecisionService).Assembly.Location));
            return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0 ? "ReadyToRun" : "IL";
        }

        public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

        public static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ParServerless.sln"))) return dir.FullName;
            throw new InvalidOperationException("ParServerless.sln not found");
        }
    }
}
