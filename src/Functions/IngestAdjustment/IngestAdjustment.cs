using ParServerless.Functions.Hosting;

namespace ParServerless.Functions;

/// <summary>Bonus and penalty lines (điểm thưởng / điểm trừ) with reasons.</summary>
/// <remarks>Blob trigger <c>adjustments/{year}/{name}</c>; see function.json beside this file.</remarks>
internal static class IngestAdjustment
{
    public static BlobFunction Function { get; } = new(nameof(IngestAdjustment), "adjustments/{year}/{name}");
}
