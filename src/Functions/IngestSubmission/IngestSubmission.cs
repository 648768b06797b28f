using ParServerless.Functions.Hosting;

namespace ParServerless.Functions;

/// <summary>Self-assessment (tự đánh giá) uploaded by an agency for its own unit.</summary>
/// <remarks>Blob trigger <c>submissions/{year}/{unit}/{name}</c>; see function.json beside this file.</remarks>
internal static class IngestSubmission
{
    public static BlobFunction Function { get; } = new(nameof(IngestSubmission), "submissions/{year}/{unit}/{name}");
}
