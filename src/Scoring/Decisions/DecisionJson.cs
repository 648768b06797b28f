using System.Globalization;
using System.Text.Json;
using System.Text.Encodings.Web;
using ParServerless.Scoring.Formatting;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Decisions;

/// <summary>
/// The machine-readable twin of the Decision PDF (stored beside it): the same texts as printed, and every figure as its one
/// machine value (<see cref="CanonicalNumber"/>: unrounded to 10 places, the same digits as the API and the open data; the
/// PDF shows them rounded by <c>scheme.decimals</c> and <c>scheme.rounding</c>), plus the SHA-256 of the inputs.
/// </summary>
/// <remarks>
/// Property order is fixed and output is indented with "\n", so the same decision gives the same bytes. Version 2 (this one)
/// carries machine values instead of the rounded ones of version 1, the earlier year's index in <c>change.previousIndex</c>,
/// and each head's rating (<c>headRating</c>: <c>{code, text}</c>, or null for a unit not ranked).
/// </remarks>
public static class DecisionJson
{
    public const string FormatVersion = "par-decision/2";

    public static string Serialize(DecisionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var f = model.Format;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", FormatVersion);
            w.WriteString("inputSha256", model.InputSha256);
            w.WriteStartObject("scheme");
            w.WriteString("id", model.Scheme.Id);
            w.WriteNumber("version", model.Scheme.Version);
            w.WriteString("name", model.SchemeName);
            w.WriteBoolean("sample", model.IsSample);
            w.WriteNumber("decimals", f.Decimals);
            w.WriteString("rounding", f.Rounding.ToString());
            w.WriteString("ties", model.Ties.ToString());
            w.WriteEndObject();
            w.WriteNumber("year", model.Year);
            w.WriteString("date", model.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Strings(w, "issuingBody", model.IssuingBody);
            w.WriteString("number", model.NumberLine);
            w.WriteString("placeAndDate", model.PlaceAndDate);
            w.WriteString("subject", model.Subject);
            w.WriteString("authority", model.Authority);
            Strings(w, "legalBases", model.LegalBases);
            w.WriteStartArray("articles");
            foreach (var a in model.Articles)
            {
                w.WriteStartObject();
                w.WriteNumber("number", a.Number);
                Strings(w, "paragraphs", a.Paragraphs);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Strings(w, "recipients", model.Recipients);
            w.WriteStartObject("signature");
            Strings(w, "lines", model.Signature.Lines);
            w.WriteString("signerName", model.Signature.SignerName);
            w.WriteEndObject();
            w.WriteStartArray("appendices");
            foreach (var a in model.Appendices) Appendix(w, a, model);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Appendix(Utf8JsonWriter w, DecisionAppendix a, DecisionModel model)
    {
        w.WriteStartObject();
        w.WriteString("numeral", a.Numeral);
        w.WriteString("groupCode", a.Group.Code);
        w.WriteString("groupName", a.Group.Name);
        w.WriteString("title", a.Title);
        w.WriteString("chart", a.ChartCaption);
        Number(w, "averageIndex", (a.AverageIndex));
        if (a.PreviousYear is { } py) w.WriteNumber("previousYear", py);
        w.WriteStartArray("bandCounts");
        foreach (var c in a.BandCounts)
        {
            w.WriteStartObject();
            w.WriteString("band", c.Band);
            w.WriteNumber("count", c.Count);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("summary", a.Summary);
        w.WriteStartArray("headRatingCounts");
        foreach (var c in a.HeadRatingCounts)
        {
            w.WriteStartObject();
            w.WriteString("code", HeadRatings.Code(c.Rating));
            w.WriteString("text", HeadRatings.Text(c.Rating));
            w.WriteNumber("count", c.Count);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("headsNotRated", a.HeadsNotRated);
        w.WriteStartArray("areas");
        foreach (var ar in a.Areas)
        {
            w.WriteStartObject();
            w.WriteString("code", ar.Code.Value);
            w.WriteString("name", ar.Name);
            Number(w, "maximum", ar.Maximum);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("rows");
        foreach (var r in a.Rows)
        {
            w.WriteStartObject();
            w.WriteNumber("stt", r.Number);
            w.WriteString("unitCode", r.UnitCode);
            w.WriteString("unitName", r.UnitName);
            Number(w, "self", (r.SelfTotal));
            Number(w, "appraised", (r.AppraisedPoints));
            Number(w, "survey", (r.SurveyPoints));
            if (a.HasAdjustments) Number(w, "adjustment", (r.Adjustment));
            Number(w, "total", (r.Total));
            Number(w, "index", (r.Index));
            if (r.Rank is { } rank) w.WriteNumber("rank", rank); else w.WriteNull("rank");
            if (r.Band is { } band) w.WriteString("band", band.Name); else w.WriteNull("band");
            w.WriteStartArray("areaIndices");
            foreach (var v in r.AreaIndices)
                if (v is { } d) w.WriteRawValue(CanonicalNumber.Text(d)); else w.WriteNullValue();
            w.WriteEndArray();
            if (r.Change is { PointsChange: not null } c)
            {
                w.WriteStartObject("change");
                w.WriteNumber("previousYear", c.PreviousYear);
                w.WriteString("basis", c.Basis.ToString());
                Number(w, "previousIndex", c.PreviousScore!.Value);
                Number(w, "points", c.PointsChange!.Value);
                if (c.PreviousRank is { } pr) w.WriteNumber("previousRank", pr);
                if (c.RankChange is { } rc) w.WriteNumber("rankChange", rc);
                w.WriteEndObject();
            }
            if (r.HeadRating is { } head)
            {
                w.WriteStartObject("headRating");
                w.WriteString("code", HeadRatings.Code(head));
                w.WriteString("text", HeadRatings.Text(head));
                w.WriteEndObject();
            }
            else w.WriteNull("headRating");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, decimal value)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(CanonicalNumber.Text(value));
    }
}
