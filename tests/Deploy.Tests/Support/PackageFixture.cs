using System.IO.Compression;

namespace ParServerless.Deploy.Tests.Support;

/// <summary>Runs infra/package.sh once for the test run (a publish takes a while) and extracts the zip as Azure would.</summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Folder = Directory.CreateTempSubdirectory("parpkg-").FullName;
        ZipPath = Path.Combine(Folder, "parserverless-linux-x64.zip");
        var (code, stdout, stderr) = Repo.Run("bash", [Path.Combine(Repo.Root, "infra", "package.sh"), ZipPath], timeout: TimeSpan.FromMinutes(15));
        if (code != 0) throw new InvalidOperationException($"infra/package.sh failed ({code}):\n{stdout}\n{stderr}");
        Root = Path.Combine(Folder, "wwwroot");
        using var zip = ZipFile.OpenRead(ZipPath);
        foreach (var entry in zip.Entries)
        {
            var target = Path.Combine(Root, entry.FullName);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            entry.ExtractToFile(target);
            // The zip's Unix mode (upper 16 bits of the external attributes), as Linux hosts apply it.
            var mode = (UnixFileMode)((entry.ExternalAttributes >> 16) & 0x1FF);
            if (mode != 0) File.SetUnixFileMode(target, mode);
        }
    }

    public string Folder { get; }
    public string ZipPath { get; }

    /// <summary>The extracted package: what Azure Functions sees as the script root (where worker.config.json is).</summary>
    public string Root { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class PackageGroup : ICollectionFixture<PackageFixture>
{
    public const string Name = "package";
}
