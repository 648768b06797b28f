namespace ParServerless.Scoring.Marks;

/// <summary>
/// The points of one unit's leaves, by leaf position in a prepared scheme: a presence byte per leaf and one column of
/// decimals per source, so that scoring reads a byte and the one value it needs, about as little memory as a plain sum.
/// </summary>
internal sealed class LeafPointTable
{
    public const byte HasSelf = 1, HasAppraisal1 = 2, HasAppraisal2 = 4, HasSurvey = 8;

    /// <summary>Every value is ≥ 0, below <see cref="SmallBound"/> and has at most <see cref="SmallScale"/> decimals.</summary>
    private const int SmallScale = 12;
    private static readonly decimal SmallBound = 1_000_000m;

    public LeafPointTable(int count) => Present = new byte[count];

    public int Count => Present.Length;

    /// <summary>Which sources gave each leaf points: <see cref="HasSelf"/> | <see cref="HasAppraisal1"/> | ….</summary>
    public byte[] Present { get; }

    /// <summary>Columns, each null until a source gives a point; read a value only where <see cref="Present"/> says so.</summary>
    public decimal[]? Self { get; private set; }
    public decimal[]? Appraisal1 { get; private set; }
    public decimal[]? Appraisal2 { get; private set; }
    public decimal[]? Survey { get; private set; }

    /// <summary>
    /// True when every value is small and short (≥ 0, below a million, at most 12 decimals). Sums of such values are exact in
    /// <see cref="decimal"/> for any number of leaves a scheme can have, so their order of addition cannot change a digit.
    /// </summary>
    public bool Exact { get; private set; } = true;

    public void Set(MarkSource source, int i, decimal? points)
    {
        var (flag, column) = source switch
        {
            MarkSource.SelfAssessment => (HasSelf, Self ??= new decimal[Count]),
            MarkSource.Appraisal1 => (HasAppraisal1, Appraisal1 ??= new decimal[Count]),
            MarkSource.Appraisal2 => (HasAppraisal2, Appraisal2 ??= new decimal[Count]),
            MarkSource.Survey => (HasSurvey, Survey ??= new decimal[Count]),
            _ => ((byte)0, null),
        };
        if (column is null) return;
        if (points is not { } p)
        {
            Present[i] &= (byte)~flag;
            column[i] = 0m;
            return;
        }
        Present[i] |= flag;
        column[i] = p;
        Exact &= p >= 0m && p < SmallBound && p.Scale <= SmallScale;
    }

    public decimal? SelfAt(int i) => (Present[i] & HasSelf) != 0 ? Self![i] : null;
    public decimal? Appraisal1At(int i) => (Present[i] & HasAppraisal1) != 0 ? Appraisal1![i] : null;
    public decimal? Appraisal2At(int i) => (Present[i] & HasAppraisal2) != 0 ? Appraisal2![i] : null;
    public decimal? SurveyAt(int i) => (Present[i] & HasSurvey) != 0 ? Survey![i] : null;
}
