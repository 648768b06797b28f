namespace ParServerless.Pipeline.Storage;

/// <summary>
/// Names of blobs derived from an upload's blob (its kept original, its report): <c>{container}/{blob}/{leaf}</c>, unless that
/// would break the service's limits (1,024 characters, 254 path segments), when the upload's name is replaced by
/// <c>~long/{sha256 of the name}</c>. A hostile direct blob name can therefore never make the writes fail on every retry.
/// </summary>
public static class DerivedBlobNames
{
    public const int MaxLength = 1024;
    public const int MaxSegments = 254;

    public static string For(string container, string blobName, string leaf)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var plain = $"{container}/{blobName}/{leaf}";
        if (plain.Length <= MaxLength && plain.Count(c => c == '/') < MaxSegments) return plain;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(blobName)));
        return $"{container}/~long/{hash}/{leaf}";
    }
}
