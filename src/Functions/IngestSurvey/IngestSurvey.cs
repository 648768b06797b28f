using ParServerless.Functions.Hosting;

namespace ParServerless.Functions;

/// <summary>Survey points (điểm điều tra xã hội học, SIPAS) for many units.</summary>
/// <remarks>Blob trigger <c>surveys/{year}/{name}</c>; see function.json beside this file.</remarks>
internal static class IngestSurvey
{
    public static BlobFunction Function { get; } = new(nameof(IngestSurvey), "surveys/{year}/{name}");
}
