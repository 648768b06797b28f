using Azure.Data.Tables;
using ParServerless.Pipeline.Storage;

namespace ParServerless.Pipeline.Tests.Storage;

public sealed class TableBatchTest
{
    // A client that would fail on any request: the guard must refuse before sending anything.
    private static readonly TableClient Unreachable = new(new Uri("http://127.0.0.1:9/devstoreaccount1/T"), "T",
        new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[32])));

    [Fact]
    public async Task SubmitAsync_MixedPartitions_IsRefusedBeforeAnyRequest()
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpsertReplace, new TableEntity("2021|SO-TP", "a")),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("2021|SO-NV", "a")),
        };
        var e = await Assert.ThrowsAsync<ArgumentException>(() => TableBatch.SubmitAsync(Unreachable, actions, CancellationToken.None));
        Assert.Contains("one partition", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAsync_Nothing_SendsNothing() =>
        await TableBatch.SubmitAsync(Unreachable, [], CancellationToken.None);

    [Theory]
    [InlineData("2021/SO-TP/a.xlsx", "2021%2FSO-TP%2Fa.xlsx")]
    [InlineData("x#y?z\\w%", "x%23y%3Fz%5Cw%25")]
    [InlineData("tự-đánh-giá", "tự-đánh-giá")]
    public void KeyText_Escape_RemovesForbiddenKeyCharacters_AndRoundTrips(string raw, string escaped)
    {
        Assert.Equal(escaped, KeyText.Escape(raw));
        Assert.Equal(raw, KeyText.Unescape(escaped));
    }

    [Fact]
    public void KeyText_Decimals_AreInvariantAndExact()
    {
        Assert.Equal("87.187", KeyText.Invariant(87.187m));
        Assert.Equal(0.1m + 0.2m, KeyText.ParseDecimal(KeyText.Invariant(0.1m + 0.2m)));
        Assert.Equal(79228162514264337593543950335m, KeyText.ParseDecimal(KeyText.Invariant(decimal.MaxValue)));
    }
}
