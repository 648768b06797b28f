namespace ParServerless.Scoring.Schemes;

/// <summary>Schemes shipped inside the library (embedded from src/Scoring/Schemes/*.json).</summary>
public static class ShippedSchemes
{
    /// <summary>SAMPLE provincial scheme for 2025 in the shape of QĐ 876/1187: sở and xã/phường/đặc khu. Not issued by any province.</summary>
    public const string SampleProvince2025 = "sample-province-2025.json";

    /// <summary>Minimal scheme that the Thừa Thiên Huế 2021 published results can be scored with (sở and huyện, 3 decimals).</summary>
    public const string Hue2021 = "hue-2021.json";

    public static Scheme Load(string fileName) => SchemeJson.LoadShipped(fileName);
}
