namespace ParServerless.Scoring.Schemes;

/// <summary>A band (xếp loại), e.g. "Tốt" for an index of at least 80.</summary>
/// <param name="Name">Vietnamese name as printed: Xuất sắc, Tốt, Khá, Trung bình, Yếu.</param>
/// <param name="LowerBound">Smallest index (%) in the band, inclusive.</param>
/// <param name="Color">Chart colour as #RRGGBB; documents use it for bars and legends.</param>
public sealed record Band(string Name, decimal LowerBound, string Color);

/// <summary>The bands of one group, best first, with strictly decreasing lower bounds.</summary>
public sealed record BandTable(IReadOnlyList<Band> Bands)
{
    /// <summary>The band of an unrounded index, or null when it is below every bound.</summary>
    /// <remarks>Bands are decided on the unrounded index, like ranks: 89,9996 is not Xuất sắc even if shown as 90,00.</remarks>
    public Band? BandOf(decimal index)
    {
        foreach (var band in Bands)
            if (index >= band.LowerBound) return band;
        return null;
    }

    /// <summary>The band just above the one an index falls in, or null at the top.</summary>
    public Band? NextAbove(decimal index)
    {
        Band? above = null;
        foreach (var band in Bands)
        {
            if (index >= band.LowerBound) return above;
            above = band;
        }
        return above;
    }
}
