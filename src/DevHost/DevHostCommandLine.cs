using System.Globalization;

namespace ParServerless.DevHost;

/// <summary>Turns command-line arguments into <see cref="DevHostOptions"/>.</summary>
internal static class DevHostCommandLine
{
    public const string Usage = """
        ParServerless.DevHost: local stand-in for the Azure Functions host (dev and tests only).

          --app <dir>                 the isolated-worker app's build output (host.json, worker.config.json, the dll);
                                      default: current directory. In this repo: src/Functions/bin/Release/net10.0
          --settings <file>           local.settings.json-like file; its "Values" become app settings
          --setting NAME=VALUE        one app setting (repeatable; wins over --settings)
          --no-inherit-env            do not treat this process's environment as app settings
          --port <n>                  HTTP port: front door, admin API, Event Grid webhook (default 7071; 0 = free port)
          --host-id <id>              host id for receipts, queues and timer status (default parserverless-devhost)
          --master-key <key>          require this key on the admin API and the webhook (default: no key)
          --poll-interval <seconds>   blob container scan interval (default 2)
          --visibility-timeout <s>    blob/queue message visibility after a crash (default 60)
          --no-blob-polling           no container scans: blob functions run from the Event Grid webhook (and the admin API)
          --no-triggers               no timers, no blob polling: functions run only through the admin API
          --log-level <level>         Trace, Debug, Information (default), Warning, Error: Warning drops the lines logged
                                      for every invocation (benchmarks); the worker's start and readiness always show
          --help                      this text
        """;

    /// <summary>Parses the arguments; returns null and the problems when they are wrong, null and no problem for --help.</summary>
    public static (DevHostOptions? Options, IReadOnlyList<string> Problems) Parse(IReadOnlyList<string> args)
    {
        var options = new DevHostOptions();
        var problems = new List<string>();
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value()
            {
                if (i + 1 < args.Count)
                {
                    return args[++i];
                }

                problems.Add($"{name} needs a value");
                return "";
            }

            switch (name)
            {
                case "--help" or "-h": return (null, []);
                case "--app": options = options with { AppDirectory = Value() }; break;
                case "--settings": options = options with { SettingsFile = Value() }; break;
                case "--setting":
                    var pair = Value();
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        problems.Add($"--setting '{pair}' is not NAME=VALUE");
                    }
                    else
                    {
                        settings[pair[..equals]] = pair[(equals + 1)..];
                    }

                    break;
                case "--no-inherit-env": options = options with { InheritEnvironment = false }; break;
                case "--port": options = options with { Port = Integer(Value(), 0, 65535) }; break;
                case "--host-id": options = options with { HostId = Value() }; break;
                case "--master-key": options = options with { MasterKey = Value() }; break;
                case "--poll-interval": options = options with { BlobPollingInterval = TimeSpan.FromSeconds(Integer(Value(), 1, 3600)) }; break;
                case "--visibility-timeout": options = options with { BlobMessageVisibilityTimeout = TimeSpan.FromSeconds(Integer(Value(), 2, 7 * 24 * 3600)) }; break;
                case "--no-blob-polling": options = options with { PollBlobs = false }; break;
                case "--log-level":
                    var level = Value();
                    if (Enum.TryParse<Microsoft.Extensions.Logging.LogLevel>(level, ignoreCase: true, out var parsed) && parsed != Microsoft.Extensions.Logging.LogLevel.None)
                        options = options with { LogLevel = parsed };
                    else problems.Add($"--log-level '{level}' is not Trace, Debug, Information, Warning, Error or Critical");
                    break;
                case "--no-triggers": options = options with { EnableTriggers = false }; break;
                default: problems.Add($"unknown option '{name}'"); break;
            }

            int Integer(string text, int min, int max)
            {
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
                {
                    return value;
                }

                problems.Add($"{name} '{text}' must be an integer from {min} to {max}");
                return min;
            }
        }

        options = options with { Settings = settings };
        return problems.Count > 0 ? (null, problems) : (options, []);
    }
}
