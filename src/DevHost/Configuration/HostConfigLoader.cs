namespace ParServerless.DevHost.Configuration;

/// <summary>host.json plus every function found under the functions root.</summary>
internal sealed record FunctionApp(HostConfig Host, IReadOnlyList<FunctionDefinition> Functions)
{
    public FunctionDefinition? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Loads the same files the Functions host reads at start-up.</summary>
internal static class HostConfigLoader
{
    /// <param name="scriptRoot">The folder holding host.json (the zip root in Azure).</param>
    /// <param name="functionsRoot">The folder whose subfolders hold one function.json each: the zip root in Azure, <c>src/Functions</c> in this repo.</param>
    public static FunctionApp Load(string scriptRoot, string functionsRoot)
    {
        var hostJson = Path.Combine(scriptRoot, "host.json");
        if (!File.Exists(hostJson))
        {
            throw new FileNotFoundException($"host.json not found in {Path.GetFullPath(scriptRoot)}", hostJson);
        }

        if (!Directory.Exists(functionsRoot))
        {
            throw new DirectoryNotFoundException($"functions root {Path.GetFullPath(functionsRoot)} does not exist");
        }

        using var host = JsonConfig.ParseFile(hostJson);
        var config = HostConfig.Parse(host.RootElement, hostJson);

        var functions = new List<FunctionDefinition>();
        // Only direct subfolders count, as in the host: bin/ and obj/ hold no function.json.
        foreach (var directory in Directory.EnumerateDirectories(functionsRoot).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(directory, "function.json");
            if (File.Exists(file))
            {
                using var document = JsonConfig.ParseFile(file);
                functions.Add(FunctionDefinition.Parse(Path.GetFileName(directory), directory, document.RootElement, file));
            }
        }

        return new FunctionApp(config, functions);
    }
}
