using ParServerless.Scoring.Problems;

namespace ParServerless.Scoring.Decisions;

/// <summary>
/// Whether a year's Decision settings are complete enough to publish (đủ điều kiện ban hành): every missing field is listed at
/// once with a PAR-D code (<see cref="DecisionProblems"/>). Pure: the publish route and the timer call it and refuse while the
/// report is not accepted; drafts still render, with the same fields highlighted.
/// </summary>
public static class DecisionReadiness
{
    private static readonly string[] Placeholders = ["…", "..."];

    public static ValidationReport Check(DecisionSettings settings, int year)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var bag = new ProblemBag();

        if (string.IsNullOrWhiteSpace(settings.Number)) DecisionProblems.Error(bag, DecisionProblems.MissingNumber, "decision.number");
        else if (!DecisionNumber.IsWellFormed(settings.Number))
            DecisionProblems.Error(bag, DecisionProblems.BadNumber, "decision.number", detailVi: settings.Number.Trim());
        if (settings.Date is null) DecisionProblems.Error(bag, DecisionProblems.MissingDate, "decision.date");

        if (settings.LegalBases is null || settings.Proposal is null) Bases(bag, settings, year);

        var signature = settings.Signature ?? SignatureBlock.ViceChairOnBehalf;
        if (string.IsNullOrWhiteSpace(signature.SignerName))
            DecisionProblems.Error(bag, DecisionProblems.MissingSignerName, "decision.signature.signerName");
        if (SignerDisagreement(settings.Authority ?? DecisionDefaults.Authority(settings), signature) is { } why)
            DecisionProblems.Error(bag, DecisionProblems.SignerMismatch, "decision.signature", detailVi: why.Vietnamese, detailEn: why.English);

        foreach (var (field, text) in Texts(settings))
        {
            var placeholder = Placeholders.Append(settings.Placeholder).FirstOrDefault(p => p.Length > 0 && text.Contains(p, StringComparison.Ordinal));
            if (placeholder is not null)
                DecisionProblems.Error(bag, DecisionProblems.PlaceholderLeft, "decision." + field, field, field, placeholder);
        }
        return bag.ToReport();
    }

    private static void Bases(ProblemBag bag, DecisionSettings settings, int year)
    {
        foreach (var (slot, reference) in DecisionLegalBases.Resolve(settings, year))
        {
            // A configured proposal line replaces the Tờ trình; configured căn cứ lines replace the others.
            var replaced = slot == DecisionLegalBases.SubmissionSlot ? settings.Proposal is not null : settings.LegalBases is not null;
            if (replaced) continue;
            if (string.IsNullOrWhiteSpace(reference.Number))
                DecisionProblems.Error(bag, slot.Code, $"decision.{slot.Field}.number", slot.Vietnamese, slot.English, "số", "number");
            if (reference.Date is not { } date)
                DecisionProblems.Error(bag, slot.Code, $"decision.{slot.Field}.date", slot.Vietnamese, slot.English, "ngày ban hành", "date");
            else if (settings.Date is { } issued && date > issued)
                DecisionProblems.Error(bag, DecisionProblems.BasisAfterDecision, $"decision.{slot.Field}.date", slot.Vietnamese, slot.English);
        }
    }

    /// <summary>
    /// Nghị định 30 (Điều 13 and Phụ lục I): a decision of the People's Committee as a body is signed "TM. ỦY BAN NHÂN DÂN" by
    /// the CHỦ TỊCH, or "KT. CHỦ TỊCH" by a PHÓ CHỦ TỊCH; a decision of the Chairman himself has no "TM." line.
    /// </summary>
    internal static (string Vietnamese, string English)? SignerDisagreement(string authority, SignatureBlock s)
    {
        var upper = DecisionDefaults.Upper(authority.Trim());
        var capacity = DecisionDefaults.Upper(s.Capacity.Trim());
        var onBehalf = s.OnBehalf is { Length: > 0 } kt ? DecisionDefaults.Upper(kt.Trim()) : null;
        var title = DecisionDefaults.Upper(s.Title.Trim());
        var collective = upper.StartsWith("ỦY BAN NHÂN DÂN", StringComparison.Ordinal);
        var byChairman = upper.StartsWith("CHỦ TỊCH", StringComparison.Ordinal);

        if (collective && capacity != "TM. ỦY BAN NHÂN DÂN")
            return ($"quyết định của Ủy ban nhân dân phải ký \"TM. ỦY BAN NHÂN DÂN\", không phải \"{s.Capacity}\"",
                $"a decision of the People's Committee is signed \"TM. ỦY BAN NHÂN DÂN\", not \"{s.Capacity}\"");
        if (byChairman && capacity.StartsWith("TM.", StringComparison.Ordinal))
            return ("quyết định của Chủ tịch không ký \"TM.\"", "a decision of the Chairman is not signed \"TM.\"");
        if (!collective && !byChairman)
            return ($"thẩm quyền ban hành \"{authority}\" không phải Ủy ban nhân dân hay Chủ tịch", $"the issuing authority \"{authority}\" is neither the People's Committee nor its Chairman");

        // Who signs: with KT. a vice-chairman, without it the chairman (the chairman's own decision may also put KT. on the first line).
        var deputy = onBehalf == "KT. CHỦ TỊCH" || (byChairman && capacity == "KT. CHỦ TỊCH");
        if (onBehalf is not null && onBehalf != "KT. CHỦ TỊCH")
            return ($"dòng ký thay phải là \"KT. CHỦ TỊCH\", không phải \"{s.OnBehalf}\"", $"the on-behalf line must be \"KT. CHỦ TỊCH\", not \"{s.OnBehalf}\"");
        // The chairman signing his own decision prints one line, "CHỦ TỊCH", as capacity or as title.
        if (byChairman && !deputy)
            return capacity == "CHỦ TỊCH" && title.Length == 0 ? null
                : ($"Chủ tịch tự ký thì chỉ ghi \"CHỦ TỊCH\", không phải \"{string.Join(" / ", s.Lines)}\"", $"the Chairman signing his own decision writes only \"CHỦ TỊCH\", not \"{string.Join(" / ", s.Lines)}\"");
        var expected = deputy ? "PHÓ CHỦ TỊCH" : "CHỦ TỊCH";
        if (title != expected)
            return (deputy ? $"ký thay Chủ tịch thì chức vụ là \"PHÓ CHỦ TỊCH\", không phải \"{s.Title}\"" : $"ký không có \"KT.\" thì người ký là \"CHỦ TỊCH\", không phải \"{s.Title}\"",
                deputy ? $"signing for the Chairman (KT.) takes the title \"PHÓ CHỦ TỊCH\", not \"{s.Title}\"" : $"signing without \"KT.\" takes the title \"CHỦ TỊCH\", not \"{s.Title}\"");
        return null;
    }

    private static IEnumerable<(string Field, string Text)> Texts(DecisionSettings s)
    {
        yield return ("province", s.Province);
        yield return ("place", s.Place);
        if (s.Number is { } n) yield return ("number", n);
        if (s.Authority is { } a) yield return ("authority", a);
        if (s.Subject is { } subject) yield return ("subject", subject);
        if (s.Proposal is { } p) yield return ("proposal", p);
        foreach (var (list, name) in new[] { (s.IssuingBody, "issuingBody"), (s.LegalBases, "legalBases"), (s.Article1Extra, "article1Extra"),
                     (s.Article2, "article2"), (s.Article3, "article3"), (s.Recipients, "recipients") })
        {
            for (var i = 0; list is not null && i < list.Count; i++) yield return ($"{name}[{i}]", list[i]);
        }
        var sig = s.Signature ?? SignatureBlock.ViceChairOnBehalf;
        yield return ("signature.signerName", sig.SignerName);
        foreach (var (field, r) in new[] { ("nationalScheme", s.NationalScheme), ("provincialScheme", s.ProvincialScheme), ("yearPlan", s.YearPlan),
                     ("council", s.Council), ("submission", s.Submission) })
        {
            if (r is null) continue;
            foreach (var (member, value) in new[] { ("number", r.Number), ("symbol", r.Symbol), ("issuer", r.Issuer), ("title", r.Title), ("kind", r.Kind) })
                if (value is not null) yield return ($"{field}.{member}", value);
        }
    }
}
