namespace ParServerless.Scoring.Decisions;

/// <summary>
/// A numbered instrument cited as a legal basis of the Decision (văn bản căn cứ): "Quyết định số 1149/QĐ-BNV ngày 30 tháng 12
/// năm 2020 của Bộ trưởng Bộ Nội vụ phê duyệt …". Plain data, configured per province and year.
/// </summary>
/// <remarks>
/// Every member is optional, so that a province sets only what it knows: a member left null takes the default of its slot
/// (<see cref="DecisionSettings.NationalScheme"/>, <see cref="DecisionSettings.ProvincialScheme"/> …). A number or date that is
/// still null after that is a gap: drafts show it highlighted and <see cref="DecisionReadiness.Check"/> refuses publication.
/// </remarks>
public sealed record LegalReference
{
    /// <summary>Kind of instrument as written before "số" (loại văn bản): "Quyết định", "Kế hoạch", "Tờ trình".</summary>
    public string? Kind { get; init; }

    /// <summary>Number before the slash (số), e.g. "1149"; numbers below 10 are printed with a leading zero ("05").</summary>
    public string? Number { get; init; }

    /// <summary>Symbol after the slash (ký hiệu), e.g. "QĐ-BNV", "KH-UBND", "TTr-SNV".</summary>
    public string? Symbol { get; init; }

    /// <summary>Date of signature (ngày ban hành).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Who issued it, as written after "của" (cơ quan, người ban hành), e.g. "Bộ trưởng Bộ Nội vụ".</summary>
    public string? Issuer { get; init; }

    /// <summary>What it does, as written after the issuer (trích yếu), e.g. "phê duyệt Đề án …".</summary>
    public string? Title { get; init; }

    /// <summary>This reference with every null member taken from <paramref name="defaults"/>.</summary>
    public LegalReference Over(LegalReference defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return new LegalReference
        {
            Kind = Blank(Kind) ?? defaults.Kind,
            Number = Blank(Number) ?? defaults.Number,
            Symbol = Blank(Symbol) ?? defaults.Symbol,
            Date = Date ?? defaults.Date,
            Issuer = Blank(Issuer) ?? defaults.Issuer,
            Title = Blank(Title) ?? defaults.Title,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
