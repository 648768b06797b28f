using ParServerless.Functions.Hosting;

namespace ParServerless.Functions;

/// <summary>An earlier year's published table (kết quả đã công bố), for year-over-year comparison.</summary>
/// <remarks>Blob trigger <c>history/{year}/{name}</c>; see function.json beside this file.</remarks>
internal static class IngestHistory
{
    public static BlobFunction Function { get; } = new(nameof(IngestHistory), "history/{year}/{name}");
}
