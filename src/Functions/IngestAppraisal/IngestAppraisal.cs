using ParServerless.Functions.Hosting;

namespace ParServerless.Functions;

/// <summary>Council appraisal (thẩm định) of round 1 or 2, for many units at once.</summary>
/// <remarks>Blob trigger <c>appraisals/{year}/{round}/{name}</c>; see function.json beside this file.</remarks>
internal static class IngestAppraisal
{
    public static BlobFunction Function { get; } = new(nameof(IngestAppraisal), "appraisals/{year}/{round}/{name}");
}
