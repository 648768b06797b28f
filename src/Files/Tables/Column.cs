namespace ParServerless.Files.Tables;

/// <summary>The columns a score file can carry, whatever its format. Headers map to these through <see cref="Headers"/>.</summary>
internal enum Column
{
    None = 0,
    Unit,
    Code,
    Name,
    Maximum,
    Points,
    Percent,
    Note,
    Evidence,
    Reason,
    UnitName,
    Group,
    Total,
    Rank,
    Band,
}
