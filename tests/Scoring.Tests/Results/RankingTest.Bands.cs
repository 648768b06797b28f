using ParServerless.Scoring.Schemes;

namespace ParServerless.Scoring.Tests.Results;

public partial class RankingTest
{
    [Theory]
    [InlineData(90, "Xuất sắc")] // a lower bound is inclusive
    [InlineData(89.9999, "Tốt")] // bands use the unrounded index, even if it shows as 90,00
    [InlineData(80, "Tốt")]
    [InlineData(79.455, "Khá")] // Huế 2021: Sở Giáo dục và Đào tạo
    [InlineData(50, "Trung bình")]
    [InlineData(0, "Yếu")]
    public void BandOf_Bounds_AreInclusiveLowerBounds(double index, string band) =>
        Assert.Equal(band, TestSchemes.Tiny.Bands.BandOf((decimal)index)?.Name);

    [Fact]
    public void BandOf_SchemeWithoutExcellentBand_TopsAtGood()
    {
        // Khánh Hòa: Tốt / Khá / Trung bình / Yếu, no Xuất sắc.
        var table = new BandTable([new Band("Tốt", 80m, "#2F6DB5"), new Band("Khá", 65m, "#D9A400"), new Band("Trung bình", 50m, "#E46C0A"), new Band("Yếu", 0m, "#C0392B")]);
        Assert.Equal("Tốt", table.BandOf(99m)!.Name);
        Assert.Null(table.NextAbove(99m));
        Assert.Equal("Tốt", table.NextAbove(70m)!.Name);
    }

    [Fact]
    public void BandOf_BelowEveryBound_IsNull()
    {
        var table = new BandTable([new Band("Tốt", 80m, "#2F6DB5")]);
        Assert.Null(table.BandOf(79m));
        Assert.Equal("Tốt", table.NextAbove(79m)!.Name);
    }
}
