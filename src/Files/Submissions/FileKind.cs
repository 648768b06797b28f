namespace ParServerless.Files;

/// <summary>What an uploaded score file carries (loại tệp).</summary>
public enum FileKind
{
    /// <summary>Reserved: never valid.</summary>
    Invalid = 0,
    /// <summary>Tự đánh giá: one unit's self-scores with notes and evidence.</summary>
    SelfAssessment = 1,
    /// <summary>Thẩm định (round 1 or 2): the council's points and notes, for one or many units.</summary>
    Appraisal = 2,
    /// <summary>Giải trình: one unit's explanation and added evidence after round 1, no points.</summary>
    Explanation = 3,
    /// <summary>Điểm ĐTXHH / SIPAS: survey points, or satisfaction percentages, per unit and survey leaf.</summary>
    Survey = 4,
    /// <summary>Điểm thưởng / điểm trừ: signed points with reasons, per unit.</summary>
    BonusPenalty = 5,
    /// <summary>Kết quả đã công bố: an earlier year's published table (name, total, rank, band).</summary>
    PublishedResults = 6,
}

/// <summary>The container format of a score file.</summary>
public enum FileFormat
{
    /// <summary>Reserved: never valid.</summary>
    Invalid = 0,
    Xlsx = 1,
    Csv = 2,
    Json = 3,
}
