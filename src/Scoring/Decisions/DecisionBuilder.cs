using System.Globalization;
using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.History;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;
using static ParServerless.Scoring.Decisions.DecisionDefaults;

namespace ParServerless.Scoring.Decisions;

/// <summary>Builds the <see cref="DecisionModel"/> from the year's standings. Pure: the date comes from the caller.</summary>
public static class DecisionBuilder
{
    /// <param name="date">The date the document is generated for; <see cref="DecisionSettings.Date"/>, once set, takes its place.
    /// It dates the PDF and the JSON and picks the local-government law, never the clock.</param>
    /// <param name="standings">The groups' standings from <see cref="Ranking.Rank"/>; one appendix per group, in this order.</param>
    /// <param name="changes">Year-over-year changes by unit code (<see cref="YearOverYear.Compare"/>), or null when no earlier year exists.</param>
    public static DecisionModel Build(
        Scheme scheme, int year, DateOnly date, IReadOnlyList<GroupStanding> standings, DecisionSettings settings,
        IReadOnlyDictionary<string, YearOverYearChange>? changes = null)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(standings);
        ArgumentNullException.ThrowIfNull(settings);
        var format = ScoreFormat.For(scheme);
        var groups = standings.Select(s => s.Group).ToArray();
        // A missing number, date or signer is kept as a marked gap (DraftGap): drafts show it highlighted, publication is refused.
        var number = settings.Number is { Length: > 0 } n ? DecisionNumber.Format(Nfc(n)) : DraftGap.Mark("số");
        var numberLine = $"Số: {number}/{settings.Symbol}";
        var issued = settings.Date ?? date;
        var numericDate = settings.Date is { } d ? VietnameseDate.Numeric(d) : DraftGap.Mark("ngày ký");
        var placeAndDate = settings.Date is { } signed
            ? VietnameseDate.PlaceAndDate(settings.Place, signed)
            : $"{Nfc(settings.Place)}, ngày {DraftGap.Mark("ngày ký")}";
        var citation = $"Quyết định số {number}/{settings.Symbol} ngày {numericDate} của Ủy ban nhân dân {ProvinceTitle(settings)}";

        var appendices = standings.Select((s, i) => Appendix(scheme, format, year, i + 1, s, changes)).ToArray();
        var bases = (settings.LegalBases ?? DecisionDefaults.LegalBases(settings, year, issued, scheme.Name)).Select(Nfc).ToList();
        var legalBases = bases.Select(b => b.TrimEnd(';', '.', ' ') + ";").ToList();
        legalBases.Add(Nfc(settings.Proposal ?? Proposal(settings, year)).TrimEnd('.', ';', ' ') + ".");

        var article1 = new List<string>
        {
            Invariant($"Công bố kết quả Chỉ số cải cách hành chính năm {year} của {GroupsPhrase(groups)}, cụ thể như sau:"),
        };
        article1.AddRange(appendices.Select((a, i) =>
            Invariant($"{i + 1}. Kết quả Chỉ số cải cách hành chính năm {year} của {LowerFirstWord(a.Group.Name)}: chi tiết tại Phụ lục {a.Numeral} kèm theo.")));
        article1.Add(HeadRatingParagraph(appendices.Length + 1, year, appendices));
        article1.AddRange(settings.Article1Extra ?? []);

        var articles = new[]
        {
            new DecisionArticle(1, article1.Select(Nfc).ToArray()),
            new DecisionArticle(2, (settings.Article2 ?? Article2(year)).Select(Nfc).ToArray()),
            new DecisionArticle(3, (settings.Article3 ?? Article3(settings)).Select(Nfc).ToArray()),
        };

        var model = new DecisionModel(
            scheme.Ref, scheme.Name, scheme.IsSample, year, issued, format, scheme.Settings.Ties,
            (settings.IssuingBody ?? IssuingBody(settings)).Select(Nfc).ToArray(),
            Nfc(numberLine),
            Nfc(placeAndDate),
            Nfc(settings.Subject ?? Subject(year, groups)),
            Nfc(settings.Authority ?? Authority(settings)),
            legalBases,
            articles,
            (settings.Recipients ?? Recipients(settings)).Select(Nfc).ToArray(),
            settings.Signature with
            {
                Capacity = Nfc(settings.Signature.Capacity),
                OnBehalf = settings.Signature.OnBehalf is { } kt ? Nfc(kt) : null,
                Title = Nfc(settings.Signature.Title),
                SignerName = settings.Signature.SignerName is { Length: > 0 } name ? Nfc(name) : DraftGap.Mark("họ tên người ký"),
            },
            appendices,
            "")
        { Citation = Nfc(citation) };
        return model with { InputSha256 = DecisionInputHash.Compute(scheme.Ref, year, standings, changes, model) };
    }

    private static DecisionAppendix Appendix(
        Scheme scheme, ScoreFormat format, int year, int number, GroupStanding standing,
        IReadOnlyDictionary<string, YearOverYearChange>? changes)
    {
        var group = standing.Group;
        var bands = scheme.BandsFor(group.Code);
        var areas = scheme.Areas
            .Select(a => new AppendixArea(a.Code, a.Name, a.MaximumFor(group.Code)))
            .Where(a => a.Maximum > 0).ToArray();
        var rows = standing.Rows.Select((r, i) =>
        {
            var res = r.Result;
            var byArea = res.Areas.ToDictionary(a => a.Code);
            return new AppendixRow(i + 1, res.Unit.Code, Nfc(res.Unit.Name), res.SelfTotal, res.AppraisedPoints, res.SurveyPoints,
                res.Bonus - res.Penalty, res.Total, res.Index, r.Rank, r.Band,
                areas.Select(a => byArea.TryGetValue(a.Code, out var ar) ? ar.Index : (decimal?)null).ToArray(),
                changes?.GetValueOrDefault(res.Unit.Code),
                scheme.HeadRatingOf(group.Code, res.Unit.Ranked, r.Band, res.Index));
        }).ToArray();
        var previousYear = changes is null ? null
            : rows.Select(r => r.Change).FirstOrDefault(c => c is { Basis: not ComparisonBasis.None })?.PreviousYear;
        var counts = standing.CountsPerBand(bands).Select(c => new BandCount(c.Band, bands.Bands.First(b => b.Name == c.Band).Color, c.Count)).ToArray();
        var groupPhrase = LowerFirstWord(group.Name);

        var parts = counts.Where(c => c.Count > 0).Select(c => Invariant($"{c.Count} đơn vị xếp loại {c.Band}")).ToList();
        var unbanded = rows.Count(r => r.Band is null);
        if (unbanded > 0) parts.Add(Invariant($"{unbanded} đơn vị dưới mức xếp loại thấp nhất"));
        var summary = Invariant($"Tổng số {rows.Length} đơn vị: {string.Join("; ", parts)}. Chỉ số bình quân của khối: {format.Format(standing.AverageIndex)}%.");

        var ranking = scheme.Settings.Ties == TieRule.DisplayedIndex
            ? "các đơn vị có chỉ số bằng nhau sau khi làm tròn được xếp đồng hạng"
            : "chỉ những đơn vị có chỉ số chưa làm tròn bằng nhau mới được xếp đồng hạng";
        var rounding = scheme.Settings.Rounding == RoundingMode.Truncate ? "cắt bỏ phần sau" : "làm tròn đến";
        var note = Invariant($"Ghi chú: Vị thứ được xếp theo Chỉ số (%) chưa làm tròn, từ cao xuống thấp; {ranking}. Số liệu được {rounding} {format.Decimals} chữ số thập phân.")
                   + (rows.Any(r => r.Rank is null) ? " Đơn vị ghi \"–\" ở cột Vị thứ được đánh giá nhưng không xếp hạng." : "");

        return new DecisionAppendix(
            Roman(number), group with { Name = Nfc(group.Name) },
            Upper(Invariant($"Kết quả Chỉ số cải cách hành chính năm {year} của {groupPhrase}")),
            number,
            Invariant($"Biểu đồ {number:00}: Kết quả Chỉ số CCHC năm {year} của {groupPhrase}"),
            bands.Bands, areas, rows, standing.AverageIndex, counts, previousYear,
            rows.Any(r => r.Adjustment != 0), summary, note)
        {
            HeadRatingCounts = HeadRatings.All.Select(h => new HeadRatingCount(h, rows.Count(r => r.HeadRating == h))).ToArray(),
            HeadsNotRated = rows.Count(r => r.HeadRating is null),
        };
    }

    /// <summary>
    /// The paragraph of Điều 1 counting heads per rating, group by group ("các sở, ban, ngành: 2 người đứng đầu hoàn thành xuất
    /// sắc nhiệm vụ, 14 người đứng đầu hoàn thành tốt nhiệm vụ, 2 người đứng đầu hoàn thành nhiệm vụ"), as Hải Dương 2021 printed.
    /// </summary>
    private static string HeadRatingParagraph(int number, int year, IReadOnlyList<DecisionAppendix> appendices)
    {
        var parts = appendices.Select(a =>
        {
            var counts = a.HeadRatingCounts.Where(c => c.Count > 0)
                .Select(c => Invariant($"{c.Count} người đứng đầu {HeadRatings.Text(c.Rating)}")).ToList();
            if (a.HeadsNotRated > 0) counts.Add(Invariant($"{a.HeadsNotRated} đơn vị không xếp hạng nên người đứng đầu không xếp loại theo Chỉ số"));
            return Invariant($"{LowerFirstWord(a.Group.Name)}: {(counts.Count == 0 ? "không có đơn vị" : string.Join(", ", counts))} (Phụ lục {a.Numeral}, mục 3)");
        });
        return Invariant($"{number}. Kết quả xếp loại người đứng đầu về công tác cải cách hành chính năm {year} theo Chỉ số: {string.Join("; ", parts)}.");
    }

    private static string Nfc(string text) => Text.Nfc(text);

    private static string Invariant(FormattableString text) => Nfc(text.ToString(CultureInfo.InvariantCulture));
}
