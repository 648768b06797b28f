using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ParServerless.Scoring.Problems;

namespace ParServerless.Scoring.Schemes;

/// <summary>Reads and writes schemes as JSON (the format in docs/SCHEMES.md). Criteria nest through "children".</summary>
public static class SchemeJson
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses and checks a scheme; malformed JSON is reported as PAR-S000 with its line.</summary>
    public static Checked<Scheme> Load(string json) => ToDraft(json) is { } draft
        ? SchemeValidator.Check(draft)
        : new Checked<Scheme>(null, Unreadable(json));

    /// <summary>Parses without checking: for tools that want to report problems with their own context.</summary>
    public static Checked<SchemeDraft> Parse(string json) => ToDraft(json) is { } draft
        ? new Checked<SchemeDraft>(draft, ValidationReport.Empty)
        : new Checked<SchemeDraft>(null, Unreadable(json));

    /// <summary>One of the schemes shipped with the library, by resource name (see <see cref="ShippedSchemes"/>).</summary>
    public static Scheme LoadShipped(string fileName)
    {
        using var stream = typeof(SchemeJson).Assembly.GetManifestResourceStream("ParServerless.Scoring.Schemes." + fileName)
                           ?? throw new ArgumentException($"No shipped scheme '{fileName}'", nameof(fileName));
        using var reader = new StreamReader(stream);
        var result = Load(reader.ReadToEnd());
        return result.Value ?? throw new InvalidOperationException($"Shipped scheme {fileName} is invalid:\n{result.Report.ToText()}");
    }

    public static string Save(Scheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var dto = new SchemeDto
        {
            Id = scheme.Ref.Id, Version = scheme.Ref.Version, Name = scheme.Name, FromYear = scheme.FromYear, ToYear = scheme.ToYear,
            Sample = scheme.IsSample ? true : null, MaximumTotal = scheme.MaximumTotal,
            Groups = scheme.Groups.Select(g => new GroupDto { Code = g.Code, Name = g.Name }).ToList(),
            Settings = new SettingsDto
            {
                BonusCap = scheme.Settings.BonusCap, PenaltyCap = scheme.Settings.PenaltyCap,
                SurveyPoints = scheme.Settings.SurveyPoints < 0 ? null : scheme.Settings.SurveyPoints,
                SurveyPointsByGroup = scheme.Settings.SurveyPointsByGroup.Count == 0 ? null : scheme.Settings.SurveyPointsByGroup.ToDictionary(),
                Decimals = scheme.Settings.Decimals, Rounding = scheme.Settings.Rounding.ToString(), Ties = scheme.Settings.Ties.ToString(),
                RescaleWhenNoSurvey = scheme.Settings.RescaleWhenNoSurvey, CapTotalAtMaximum = scheme.Settings.CapTotalAtMaximum,
                Conversion = scheme.Settings.Conversion.ToString(),
            },
            Bands = scheme.Bands.Bands.Select(ToDto).ToList(),
            BandsByGroup = scheme.BandsByGroup.Count == 0 ? null : scheme.BandsByGroup.ToDictionary(kv => kv.Key, kv => kv.Value.Bands.Select(ToDto).ToList()),
            Criteria = scheme.Areas.Select(ToDto).ToList(),
            HeadRatings = scheme.HeadRatings is { } rule ? ToDto(rule) : null,
            HeadRatingsByGroup = scheme.HeadRatingsByGroup.Count == 0 ? null : scheme.HeadRatingsByGroup.ToDictionary(kv => kv.Key, kv => ToDto(kv.Value)),
        };
        return JsonSerializer.Serialize(dto, Options);
    }

    private static HeadRatingDto ToDto(HeadRatingRule r) => new()
    {
        ByBand = r.ByBand?.ToDictionary(kv => kv.Key, kv => (string?)HeadRatings.Text(kv.Value)),
        Thresholds = r.Thresholds?.Select(t => new HeadRatingThresholdDto { Rating = HeadRatings.Text(t.Rating), LowerBound = t.LowerBound }).ToList(),
        Otherwise = HeadRatings.Text(r.Otherwise),
    };

    private static HeadRatingDraft HeadRatingsDraft(HeadRatingDto d, string path) => new(
        d.ByBand, d.Thresholds?.Select((t, i) => new HeadRatingThresholdDraft(t.Rating, t.LowerBound,
            new Location(Field: string.Create(CultureInfo.InvariantCulture, $"{path}.thresholds[{i}]")))).ToArray(),
        d.Otherwise, new Location(Field: path));

    private static BandDto ToDto(Band b) => new() { Name = b.Name, LowerBound = b.LowerBound, Color = b.Color };

    private static NodeDto ToDto(CriterionNode n) => new()
    {
        Code = n.Code.Value, Name = n.Name,
        Max = n.Leaf?.Maximum,
        Method = n.Leaf?.Method.ToString(),
        MaxByGroup = n.Leaf is { MaximumByGroup.Count: > 0 } l ? l.MaximumByGroup.ToDictionary() : null,
        Guidance = string.IsNullOrEmpty(n.Leaf?.Guidance) ? null : n.Leaf.Guidance,
        Children = n.IsLeaf ? null : n.Children.Select(ToDto).ToList(),
    };

    private static ValidationReport Unreadable(string json)
    {
        string detail;
        try
        {
            JsonSerializer.Deserialize<SchemeDto>(json, Options);
            detail = "empty document";
        }
        catch (JsonException e)
        {
            detail = e.Message;
            var where = new Location(Row: e.LineNumber is { } line ? (int)line + 1 : null, Field: e.Path);
            return new ValidationReport([new Problem(SchemeProblemCodes.Unreadable, Severity.Error, where,
                $"Tệp bộ chỉ số không phải JSON hợp lệ ({detail}).", $"The scheme file is not valid JSON ({detail}).")]);
        }
        return new ValidationReport([new Problem(SchemeProblemCodes.Unreadable, Severity.Error, Location.Whole,
            "Tệp bộ chỉ số trống.", $"The scheme file is empty ({detail}).")]);
    }

    private static SchemeDraft? ToDraftOrNull(SchemeDto? dto)
    {
        if (dto is null) return null;
        var criteria = new List<NodeDraft>();
        void Flatten(IReadOnlyList<NodeDto>? nodes, string path)
        {
            if (nodes is null) return;
            for (var i = 0; i < nodes.Count; i++)
            {
                var n = nodes[i];
                var here = FormattableString.Invariant($"{path}[{i}]");
                criteria.Add(new NodeDraft(n.Code, n.Name, n.Max, n.Method,
                    n.MaxByGroup ?? new Dictionary<string, decimal?>(), n.Guidance, new Location(Field: here)));
                Flatten(n.Children, here + ".children");
            }
        }
        Flatten(dto.Criteria, "criteria");
        var s = dto.Settings ?? new SettingsDto();
        return new SchemeDraft(
            dto.Id, dto.Version, dto.Name, dto.FromYear, dto.ToYear, dto.Sample ?? false, dto.MaximumTotal,
            (dto.Groups ?? []).Select((g, i) => new GroupDraft(g.Code, g.Name, new Location(Field: FormattableString.Invariant($"groups[{i}]")))).ToArray(),
            criteria,
            new SettingsDraft(s.BonusCap, s.PenaltyCap, s.SurveyPoints, s.SurveyPointsByGroup ?? new Dictionary<string, decimal>(),
                s.Decimals, s.Rounding, s.Ties, s.RescaleWhenNoSurvey, s.CapTotalAtMaximum, s.Conversion, new Location(Field: "settings")),
            Bands(dto.Bands, "bands"),
            (dto.BandsByGroup ?? []).ToDictionary(kv => kv.Key, kv => Bands(kv.Value, $"bandsByGroup.{kv.Key}")),
            dto.HeadRatings is { } hr ? HeadRatingsDraft(hr, "headRatings") : null,
            dto.HeadRatingsByGroup?.ToDictionary(kv => kv.Key, kv => HeadRatingsDraft(kv.Value, $"headRatingsByGroup.{kv.Key}")));
    }

    private static IReadOnlyList<BandDraft> Bands(List<BandDto>? bands, string path) =>
        (bands ?? []).Select((b, i) => new BandDraft(b.Name, b.LowerBound, b.Color,
            new Location(Field: string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")))).ToArray();

    private static SchemeDraft? ToDraft(string json)
    {
        try { return ToDraftOrNull(JsonSerializer.Deserialize<SchemeDto>(json, Options)); }
        catch (JsonException) { return null; }
    }


#pragma warning disable CA1812, CA2227, CA1002 // DTOs: created by the serializer, mutable by design.
    private sealed class SchemeDto
    {
        public string? Id { get; set; }
        public int? Version { get; set; }
        public string? Name { get; set; }
        public int? FromYear { get; set; }
        public int? ToYear { get; set; }
        public bool? Sample { get; set; }
        public decimal? MaximumTotal { get; set; }
        public List<GroupDto>? Groups { get; set; }
        public SettingsDto? Settings { get; set; }
        public List<BandDto>? Bands { get; set; }
        public Dictionary<string, List<BandDto>>? BandsByGroup { get; set; }
        public List<NodeDto>? Criteria { get; set; }
        public HeadRatingDto? HeadRatings { get; set; }
        public Dictionary<string, HeadRatingDto>? HeadRatingsByGroup { get; set; }
    }

    private sealed class HeadRatingDto
    {
        public Dictionary<string, string?>? ByBand { get; set; }
        public List<HeadRatingThresholdDto>? Thresholds { get; set; }
        public string? Otherwise { get; set; }
    }

    private sealed class HeadRatingThresholdDto
    {
        public string? Rating { get; set; }
        public decimal? LowerBound { get; set; }
    }

    private sealed class GroupDto
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
    }

    private sealed class SettingsDto
    {
        public decimal? BonusCap { get; set; }
        public decimal? PenaltyCap { get; set; }
        public decimal? SurveyPoints { get; set; }
        public Dictionary<string, decimal>? SurveyPointsByGroup { get; set; }
        public int? Decimals { get; set; }
        public string? Rounding { get; set; }
        public string? Ties { get; set; }
        public bool? RescaleWhenNoSurvey { get; set; }
        public bool? CapTotalAtMaximum { get; set; }
        public string? Conversion { get; set; }
    }

    private sealed class BandDto
    {
        public string? Name { get; set; }
        public decimal? LowerBound { get; set; }
        public string? Color { get; set; }
    }

    private sealed class NodeDto
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public decimal? Max { get; set; }
        public string? Method { get; set; }
        public Dictionary<string, decimal?>? MaxByGroup { get; set; }
        public string? Guidance { get; set; }
        public List<NodeDto>? Children { get; set; }
    }
#pragma warning restore CA1812, CA2227, CA1002
}
