using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ParServerless.Scoring.History;
using ParServerless.Scoring.Results;
using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Decisions;

/// <summary>
/// SHA-256 of everything a Decision is made from, computed here rather than passed in, so that it cannot disagree with the
/// document: the scheme reference, the year, every unit's result down to each leaf's raw marks (unrounded), the ranks and
/// bands, the year-over-year changes, and the resolved texts and date of the Decision.
/// </summary>
/// <remarks>
/// Canonical form: compact UTF-8 JSON written field by field in a fixed order; decimals in invariant culture with trailing
/// zeros removed (so 85.50 and 85.5 hash alike); units in standing order; strings NFC. Two Decisions with the same hash
/// render to the same bytes. The format is versioned by its first field ("par-decision-input/2": 2 added the heads' ratings to the Decision).
/// </remarks>
public static class DecisionInputHash
{
    public const string FormatVersion = "par-decision-input/2";

    public static string Compute(
        SchemeRef scheme, int year, IReadOnlyList<GroupStanding> standings,
        IReadOnlyDictionary<string, YearOverYearChange>? changes, DecisionModel texts)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(standings);
        ArgumentNullException.ThrowIfNull(texts);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", FormatVersion);
            w.WriteString("scheme", scheme.ToString());
            w.WriteNumber("year", year);
            w.WriteString("date", texts.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            WriteTexts(w, texts);
            w.WriteStartArray("groups");
            foreach (var standing in standings)
            {
                w.WriteStartObject();
                w.WriteString("code", standing.Group.Code);
                w.WriteString("name", Text.Nfc(standing.Group.Name));
                w.WriteStartArray("rows");
                foreach (var row in standing.Rows)
                {
                    WriteRow(w, row);
                    if (changes?.GetValueOrDefault(row.Result.Unit.Code) is { } c) WriteChange(w, c);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void WriteTexts(Utf8JsonWriter w, DecisionModel t)
    {
        w.WriteStartArray("texts");
        foreach (var line in t.IssuingBody) w.WriteStringValue(line);
        w.WriteStringValue(t.NumberLine);
        w.WriteStringValue(t.PlaceAndDate);
        w.WriteStringValue(t.Subject);
        w.WriteStringValue(t.Authority);
        w.WriteStringValue(t.Citation);
        foreach (var line in t.LegalBases) w.WriteStringValue(line);
        foreach (var article in t.Articles)
            foreach (var p in article.Paragraphs) w.WriteStringValue(p);
        foreach (var line in t.Recipients) w.WriteStringValue(line);
        foreach (var line in t.Signature.Lines) w.WriteStringValue(line);
        w.WriteStringValue(t.Signature.SignerName);
        w.WriteEndArray();
    }

    private static void WriteRow(Utf8JsonWriter w, RankedResult row)
    {
        var r = row.Result;
        w.WriteStartObject();
        w.WriteString("unit", r.Unit.Code);
        w.WriteString("name", Text.Nfc(r.Unit.Name));
        w.WriteBoolean("ranked", r.Unit.Ranked);
        w.WriteString("status", r.Status.ToString());
        w.WriteString("scheme", r.Scheme.ToString());
        w.WriteNumber("year", r.Year);
        Number(w, "self", r.SelfTotal);
        Number(w, "appraised", r.AppraisedPoints);
        Number(w, "survey", r.SurveyPoints);
        Number(w, "bonus", r.Bonus);
        Number(w, "penalty", r.Penalty);
        Number(w, "total", r.Total);
        Number(w, "maximum", r.Maximum);
        Number(w, "index", r.Index);
        w.WriteBoolean("rescaled", r.Rescaled);
        if (row.Rank is { } rank) w.WriteNumber("rank", rank);
        if (row.Band is { } band) w.WriteString("band", band.Name);
        w.WriteStartArray("leaves");
        foreach (var l in r.Leaves)
        {
            w.WriteStartArray();
            w.WriteStringValue(l.Code.Value);
            w.WriteStringValue(l.Method.ToString());
            foreach (var v in new[] { l.Maximum, l.Self, l.Appraisal1, l.Appraisal2, l.Survey, l.Final })
                if (v is { } d) w.WriteRawValue(Canonical(d)); else w.WriteNullValue();
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static void WriteChange(Utf8JsonWriter w, YearOverYearChange c)
    {
        w.WriteStartObject("change");
        w.WriteNumber("previousYear", c.PreviousYear);
        w.WriteString("basis", c.Basis.ToString());
        if (c.PreviousScore is { } s) Number(w, "previousScore", s);
        if (c.PreviousRank is { } r) w.WriteNumber("previousRank", r);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, decimal value)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(Canonical(value));
    }

    /// <summary>Invariant text without trailing zeros: decimal keeps the scale it was computed with, which must not change the hash.</summary>
    internal static string Canonical(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (text.Contains('.', StringComparison.Ordinal)) text = text.TrimEnd('0').TrimEnd('.');
        return text == "-0" ? "0" : text;
    }
}
