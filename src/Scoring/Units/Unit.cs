namespace ParServerless.Scoring.Units;

/// <summary>A scored unit (đơn vị): a sở, a UBND xã/phường, a central agency in the province…</summary>
/// <param name="Code">Stable code used in upload paths and keys, e.g. "SO-TP" (letters, digits, '-', '_').</param>
/// <param name="Name">Vietnamese name as published, e.g. "Sở Tư pháp".</param>
/// <param name="GroupCode">The group (khối) it is ranked in.</param>
/// <param name="Ranked">False for a unit that is "scored, not ranked" (like Thanh tra Chính phủ among ministries).</param>
public sealed record Unit(string Code, string Name, string GroupCode, bool Ranked = true);
