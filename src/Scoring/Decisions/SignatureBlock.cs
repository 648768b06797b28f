namespace ParServerless.Scoring.Decisions;

/// <summary>The signature block (khối chữ ký) at the bottom right of the Decision.</summary>
/// <param name="Capacity">Signing capacity (quyền hạn ký): "TM. ỦY BAN NHÂN DÂN" for a collective decision of the committee.</param>
/// <param name="OnBehalf">"KT. CHỦ TỊCH" when a vice-chair signs for the chair; null when the chair signs.</param>
/// <param name="Title">Position of the signer (chức vụ): "PHÓ CHỦ TỊCH" or "CHỦ TỊCH".</param>
/// <param name="SignerName">Full name, printed under the space left for signature and seal; empty leaves the space blank.</param>
public sealed record SignatureBlock(string Capacity, string? OnBehalf, string Title, string SignerName)
{
    /// <summary>TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH, with no name: the usual signer of a publication decision.</summary>
    public static SignatureBlock ViceChairOnBehalf { get; } = new("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "");

    /// <summary>The chairman signs for the committee: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH.</summary>
    public static SignatureBlock Chairman(string name) => new("TM. ỦY BAN NHÂN DÂN", null, "CHỦ TỊCH", name);

    /// <summary>A vice-chairman signs for the chairman, for the committee: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.</summary>
    public static SignatureBlock ViceChairman(string name) => new("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", name);

    /// <summary>The capitalised lines above the signature space, in order; an empty line is left out.</summary>
    public IReadOnlyList<string> Lines =>
        new[] { Capacity, OnBehalf ?? "", Title }.Where(l => l.Length > 0).ToArray();
}
