using System.Text.Json;
using ParServerless.Functions.Hosting;

namespace ParServerless.Functions.Tests.Hosting;

/// <summary>The host's payload quirks (shared HOSTING.md), fed as fixtures to the binder the ingest functions use.</summary>
public sealed class BlobInvocationTest
{
    private const string Pattern = "submissions/{year}/{unit}/{name}";
    private static readonly string Content = Convert.ToBase64String("PK\u0003\u0004 bytes"u8.ToArray());

    private static BlobInvocation Parse(string metadataJson, string? data = null) =>
        BlobInvocation.Parse(JsonDocument.Parse($$"""{"Data": {{data ?? $$"""{"scoreFile": "{{Content}}"}"""}}, "Metadata": {{metadataJson}}}""").RootElement, "scoreFile", Pattern);

    [Fact]
    public void Parse_HostShape_DoubleEncodedStrings_PropertiesObject_EtagEmptyObject()
    {
        var b = Parse("""
            {"Uri": "\"http://127.0.0.1:10000/devstoreaccount1/submissions/2025/SO-TP/t%E1%BB%B1-%C4%91%C3%A1nh-gi%C3%A1.xlsx\"",
             "Properties": {"ContentLength": 11, "ETag": {}, "LastModified": "2026-11-22T19:50:15+00:00"},
             "Metadata": {"uploadedby": "\"SO-TP\""},
             "year": "\"2025\"", "unit": "\"SO-TP\"", "name": "\"tự-đánh-giá.xlsx\"",
             "sys": {"MethodName": "IngestSubmission", "UtcNow": "2026-11-22T19:50:16Z", "RandGuid": "x"}}
            """);
        Assert.Equal("submissions", b.Container);
        Assert.Equal("2025/SO-TP/tự-đánh-giá.xlsx", b.Name);
        Assert.Equal("PK\u0003\u0004 bytes"u8.ToArray(), b.Content);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 19, 50, 15, TimeSpan.Zero), b.UploadedAt);
        Assert.Equal("SO-TP", b.UploadedBy);
    }

    [Fact]
    public void Parse_PropertiesAsJsonString_FromOlderHosts()
    {
        var b = Parse("""
            {"Uri": "\"https://acct.blob.core.windows.net/submissions/2025/SO-TP/a.csv\"",
             "Properties": "{\"LastModified\":\"2026-11-22T19:50:15+00:00\",\"ETag\":{}}",
             "Metadata": "{\"uploadedby\":\"admin\"}"}
            """);
        Assert.Equal("2025/SO-TP/a.csv", b.Name);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 19, 50, 15, TimeSpan.Zero), b.UploadedAt);
        Assert.Equal("admin", b.UploadedBy);
    }

    [Fact]
    public void Parse_NoBlobTriggerNoUri_RebuildsNameFromDoubleEncodedPathParameters()
    {
        var b = Parse("""{"year": "\"2025\"", "unit": "\"SO-TP\"", "name": "\"x.json\""}""");
        Assert.Equal("2025/SO-TP/x.json", b.Name);
        Assert.Null(b.UploadedAt);
        Assert.Null(b.UploadedBy);
    }

    [Fact]
    public void Parse_KeysInAnyCase_AndPlainStrings()
    {
        var b = Parse("""{"uri": "http://127.0.0.1:10000/devstoreaccount1/submissions/2025/SO-TP/x.json", "properties": {"lastModified": "2026-01-01T00:00:00Z"}}""");
        Assert.Equal("2025/SO-TP/x.json", b.Name);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), b.UploadedAt);
    }

    [Theory]
    // No Data at all.
    [InlineData("""{"Metadata": {}}""")]
    // Content that is not base64 (a function.json without dataType binary sends a string).
    [InlineData("""{"Data": {"scoreFile": "not base64!"}, "Metadata": {"Uri": "\"http://h/a/submissions/2025/U/x.xlsx\""}}""")]
    // Nothing names the blob.
    [InlineData("""{"Data": {"scoreFile": "AA=="}, "Metadata": {}}""")]
    public void Parse_PayloadOurFunctionJsonCannotProduce_Throws(string body) =>
        Assert.Throws<InvalidInvocationException>(() => BlobInvocation.Parse(JsonDocument.Parse(body).RootElement, "scoreFile", Pattern));

    [Fact]
    public void Parse_NullContent_IsEmpty()
    {
        var b = Parse("""{"Uri": "\"http://h/devstoreaccount1/submissions/2025/U/x.xlsx\""}""", """{"scoreFile": null}""");
        Assert.Empty(b.Content);
    }
}
