using ParServerless.Scoring.Problems;

namespace ParServerless.Scoring.Decisions;

/// <summary>
/// Stable codes (PAR-D…) of what keeps a Decision from being published, with their Vietnamese and English texts: the one
/// catalogue of them (docs/DECISION.md lists it). Codes never change meaning; a new problem takes a new code.
/// </summary>
public static class DecisionProblems
{
    /// <summary>The Decision has no number (số).</summary>
    public const string MissingNumber = "PAR-D001";

    /// <summary>The Decision has no date (ngày ban hành).</summary>
    public const string MissingDate = "PAR-D002";

    /// <summary>The signer's name is missing.</summary>
    public const string MissingSignerName = "PAR-D003";

    /// <summary>The signing authority (TM./KT.) or title does not agree with the issuing authority.</summary>
    public const string SignerMismatch = "PAR-D004";

    /// <summary>The Bộ Nội vụ decision approving the index lacks its number or date.</summary>
    public const string MissingNationalScheme = "PAR-D005";

    /// <summary>The province's scheme decision lacks its number or date.</summary>
    public const string MissingProvincialScheme = "PAR-D006";

    /// <summary>The year's plan lacks its number or date.</summary>
    public const string MissingYearPlan = "PAR-D007";

    /// <summary>The council's decision lacks its number or date.</summary>
    public const string MissingCouncil = "PAR-D008";

    /// <summary>The Sở Nội vụ's proposal (Tờ trình) lacks its number or date.</summary>
    public const string MissingSubmission = "PAR-D009";

    /// <summary>A configured text still holds a placeholder ("…").</summary>
    public const string PlaceholderLeft = "PAR-D010";

    /// <summary>The Decision's number is not a positive whole number.</summary>
    public const string BadNumber = "PAR-D011";

    /// <summary>A legal basis is dated after the Decision itself.</summary>
    public const string BasisAfterDecision = "PAR-D012";

    /// <summary>Every code with its texts; "{0}" is the field or basis concerned, "{1}" a detail.</summary>
    public static IReadOnlyDictionary<string, (string Vietnamese, string English)> Catalogue { get; } = new Dictionary<string, (string, string)>
    {
        [MissingNumber] = ("Chưa có số của Quyết định.", "The Decision has no number."),
        [MissingDate] = ("Chưa có ngày ban hành của Quyết định.", "The Decision has no date."),
        [MissingSignerName] = ("Chưa có họ tên người ký.", "The signer's name is missing."),
        [SignerMismatch] = ("Thẩm quyền ký không phù hợp với thẩm quyền ban hành: {1}.", "The signing authority does not agree with the issuing authority: {1}."),
        [MissingNationalScheme] = ("Căn cứ \"{0}\" chưa có {1}.", "The legal basis \"{0}\" has no {1}."),
        [MissingProvincialScheme] = ("Căn cứ \"{0}\" chưa có {1}.", "The legal basis \"{0}\" has no {1}."),
        [MissingYearPlan] = ("Căn cứ \"{0}\" chưa có {1}.", "The legal basis \"{0}\" has no {1}."),
        [MissingCouncil] = ("Căn cứ \"{0}\" chưa có {1}.", "The legal basis \"{0}\" has no {1}."),
        [MissingSubmission] = ("Căn cứ \"{0}\" chưa có {1}.", "The legal basis \"{0}\" has no {1}."),
        [PlaceholderLeft] = ("Nội dung \"{0}\" còn chỗ trống \"{1}\" chưa điền.", "The text \"{0}\" still holds the placeholder \"{1}\"."),
        [BadNumber] = ("Số của Quyết định \"{1}\" không phải là số nguyên dương.", "The Decision's number \"{1}\" is not a positive whole number."),
        [BasisAfterDecision] = ("Căn cứ \"{0}\" có ngày sau ngày ban hành Quyết định.", "The legal basis \"{0}\" is dated after the Decision."),
    };

    internal static void Error(ProblemBag bag, string code, string field, string vietnameseArgument = "", string englishArgument = "", string? detailVi = null, string? detailEn = null)
    {
        var (vi, en) = Catalogue[code];
        bag.Error(code, new Location(Field: field),
            vi.Replace("{0}", vietnameseArgument, StringComparison.Ordinal).Replace("{1}", detailVi ?? "", StringComparison.Ordinal),
            en.Replace("{0}", englishArgument, StringComparison.Ordinal).Replace("{1}", detailEn ?? detailVi ?? "", StringComparison.Ordinal));
    }
}
