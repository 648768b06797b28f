using System.Text;
using System.Text.Json.Nodes;
using ParServerless.DevHost.Payload;

namespace ParServerless.DevHost.Tests.Payload;

public class InvocationPayloadTest
{
    private static readonly SystemMetadata Sys = new("IngestSubmission", new DateTime(2026, 11, 22, 19, 50, 16, DateTimeKind.Utc), Guid.Parse("3f2c1a9e-5b7d-4e21-9c0f-1a2b3c4d5e6f"));
    private static readonly DateTimeOffset Modified = new(2026, 11, 22, 19, 50, 15, TimeSpan.Zero);
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00];

    private static BlobTriggerInput Submission(string name = "tu-danh-gia.xlsx", string? dataType = "binary") => new(
        "scoreFile",
        dataType,
        new Uri($"http://127.0.0.1:10000/devstoreaccount1/submissions/2025/SO-TP/{name}"),
        new BlobPropertiesSnapshot(Modified, Modified, 18432, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "\"0x8DD2B3C4D5E6F70\"",
            [0x0A, 0x0B], null, null, null, null, new Dictionary<string, string> { ["uploadedby"] = "SO-TP" }),
        [new("year", "2025"), new("unit", "SO-TP"), new("name", name)],
        Zip);

    [Fact]
    public void ForBlob_HostingExample_MatchesPinnedShape()
    {
        var json = InvocationPayload.Serialize(InvocationPayload.ForBlob(Submission(), BlobPropertiesFormat.Object, Sys));

        // The HOSTING.md example, every field of it: base64 data, double-encoded strings, no BlobTrigger, ETag {}, sys.
        const string expected = """
            {"Data":{"scoreFile":"UEsDBBQABgA="},
            "Metadata":{"Uri":"\"http://127.0.0.1:10000/devstoreaccount1/submissions/2025/SO-TP/tu-danh-gia.xlsx\"",
            "Properties":{"LastModified":"2026-11-22T19:50:15+00:00","CreatedOn":"2026-11-22T19:50:15+00:00","Metadata":{"uploadedby":"SO-TP"},"BlobType":0,
            "ContentLength":18432,"ContentType":"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet","ETag":{},"ContentHash":"Cgs=",
            "ContentEncoding":null,"ContentDisposition":null,"ContentLanguage":null,"CacheControl":null},
            "Metadata":{"uploadedby":"SO-TP"},"year":"\"2025\"","unit":"\"SO-TP\"","name":"\"tu-danh-gia.xlsx\"",
            "sys":{"MethodName":"IngestSubmission","UtcNow":"2026-11-22T19:50:16Z","RandGuid":"3f2c1a9e-5b7d-4e21-9c0f-1a2b3c4d5e6f"}}}
            """;
        Assert.Equal(expected.ReplaceLineEndings(""), json);
    }

    [Fact]
    public void ForBlob_Always_DropsBlobTrigger()
    {
        var metadata = InvocationPayload.ForBlob(Submission(), BlobPropertiesFormat.Object, Sys)["Metadata"]!.AsObject();

        Assert.DoesNotContain(metadata, p => p.Key.EndsWith("trigger", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ForBlob_VietnameseName_IsEncodedTwiceAndReadsBack()
    {
        var payload = JsonNode.Parse(InvocationPayload.Serialize(
            InvocationPayload.ForBlob(Submission("tự-đánh-giá \"2025\".xlsx"), BlobPropertiesFormat.Object, Sys)))!;

        var once = payload["Metadata"]!["name"]!.GetValue<string>();
        Assert.Equal("\"tự-đánh-giá \\\"2025\\\".xlsx\"", once);
        Assert.Equal("tự-đánh-giá \"2025\".xlsx", JsonNode.Parse(once)!.GetValue<string>());
    }

    [Fact]
    public void ForBlob_BinaryData_IsBase64OfTheBytes()
    {
        var data = InvocationPayload.ForBlob(Submission(), BlobPropertiesFormat.Object, Sys)["Data"]!["scoreFile"]!.GetValue<string>();

        Assert.Equal(Zip, Convert.FromBase64String(data));
    }

    [Fact]
    public void ForBlob_StringDataType_SendsTheTextEncodedTwice()
    {
        var input = Submission(dataType: "string") with { Content = Encoding.UTF8.GetBytes("đơn vị") };

        var data = InvocationPayload.ForBlob(input, BlobPropertiesFormat.Object, Sys)["Data"]!["scoreFile"]!.GetValue<string>();

        Assert.Equal("\"đơn vị\"", data);
    }

    [Fact]
    public void ForBlob_PropertiesAsString_SendsOlderHostsJsonString()
    {
        var properties = InvocationPayload.ForBlob(Submission(), BlobPropertiesFormat.JsonString, Sys)["Metadata"]!["Properties"]!.GetValue<string>();

        var parsed = JsonNode.Parse(properties)!;
        Assert.Equal("\"0x8DD2B3C4D5E6F70\"", parsed["ETag"]!.GetValue<string>());
        Assert.Equal(18432, parsed["Length"]!.GetValue<long>());
        Assert.Equal("2026-11-22T19:50:15+00:00", parsed["LastModified"]!.GetValue<string>());
    }

    [Fact]
    public void ForTimer_WithoutMonitor_MatchesPinnedShape()
    {
        var json = InvocationPayload.Serialize(InvocationPayload.ForTimer(new TimerTriggerInput("timer", null, IsPastDue: false), Sys with { MethodName = "GenerateDecision" }));

        const string expected = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},
            "Metadata":{"sys":{"MethodName":"GenerateDecision","UtcNow":"2026-11-22T19:50:16Z","RandGuid":"3f2c1a9e-5b7d-4e21-9c0f-1a2b3c4d5e6f"}}}
            """;
        Assert.Equal(expected.ReplaceLineEndings(""), json);
    }

    [Fact]
    public void ForTimer_WithMonitor_SendsScheduleStatusDates()
    {
        var status = new ScheduleStatus(new DateTime(2026, 1, 15, 2, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 15, 2, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 1, 15, 2, 0, 1, 250, DateTimeKind.Utc));

        var timer = InvocationPayload.ForTimer(new TimerTriggerInput("timer", status, IsPastDue: true), Sys)["Data"]!["timer"]!;

        Assert.Equal("2026-01-15T02:00:00Z", timer["ScheduleStatus"]!["Last"]!.GetValue<string>());
        Assert.Equal("2027-01-15T02:00:00Z", timer["ScheduleStatus"]!["Next"]!.GetValue<string>());
        Assert.Equal("2026-01-15T02:00:01.25Z", timer["ScheduleStatus"]!["LastUpdated"]!.GetValue<string>());
        Assert.True(timer["IsPastDue"]!.GetValue<bool>());
    }

    [Theory]
    // A plain string is encoded twice.
    [InlineData("2025", "\"2025\"")]
    // So is a number: anything that is not an object, bytes or a date goes through SerializeObject.
    [InlineData(18432, "18432")]
    [InlineData(true, "true")]
    public void ToHostValue_Scalars_BecomeSerializedText(object value, string expected)
    {
        Assert.Equal(expected, InvocationPayload.ToHostValue(value)!.GetValue<string>());
    }

    [Fact]
    public void Create_KeysEndingInTriggerAnyCase_AreDropped()
    {
        var payload = InvocationPayload.Create([], [new("QueueTrigger", "x"), new("mytrigger", "y"), new("Triggered", "z")], Sys);

        var keys = payload["Metadata"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["Triggered", "sys"], keys);
    }
}
