using ParServerless.Functions.Hosting;

namespace ParServerless.Functions;

/// <summary>Explanation (giải trình) uploaded by an agency after appraisal round 1.</summary>
/// <remarks>Blob trigger <c>explanations/{year}/{unit}/{name}</c>; see function.json beside this file.</remarks>
internal static class IngestExplanation
{
    public static BlobFunction Function { get; } = new(nameof(IngestExplanation), "explanations/{year}/{unit}/{name}");
}
