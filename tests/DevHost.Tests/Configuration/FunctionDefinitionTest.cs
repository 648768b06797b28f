using ParServerless.DevHost.Configuration;
using ParServerless.DevHost.Tests.Support;

namespace ParServerless.DevHost.Tests.Configuration;

public sealed class FunctionDefinitionTest : IDisposable
{
    private readonly FunctionAppFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_RepoLayout_FindsEachFunctionFolder()
    {
        _folder.WithBlobFunction("IngestSubmission", "submissions/{year}/{unit}/{name}")
            .WithTimerFunction("GenerateDecision", "%DECISION_SCHEDULE%")
            .WithHttpFunction("Api");
        Directory.CreateDirectory(Path.Combine(_folder.Root, "bin")); // build output holds no function.json

        var app = HostConfigLoader.Load(_folder.Root, _folder.Root);

        Assert.Equal(["Api", "GenerateDecision", "IngestSubmission"], app.Functions.Select(f => f.Name));
        var ingest = app.Find("ingestsubmission")!;
        Assert.Equal(TriggerKind.Blob, ingest.TriggerKind);
        Assert.Equal("Host.Functions.IngestSubmission", ingest.Id);
        Assert.Equal(new BindingDefinition
        {
            Type = "blobTrigger",
            Direction = BindingDirection.In,
            Name = "scoreFile",
            Path = "submissions/{year}/{unit}/{name}",
            Connection = "AzureWebJobsStorage",
            DataType = "binary",
            Source = "EventGrid",
            Methods = ingest.Trigger.Methods,
        }, ingest.Trigger);
        Assert.Equal(TriggerKind.Timer, app.Find("GenerateDecision")!.TriggerKind);
        Assert.Equal("%DECISION_SCHEDULE%", app.Find("GenerateDecision")!.Trigger.Schedule);
        Assert.True(app.Find("GenerateDecision")!.Trigger.UseMonitor);
    }

    [Fact]
    public void IsForwardableHttp_OnlyHttpTriggerInAndHttpOut_IsTrue()
    {
        _folder.WithHttpFunction("Api")
            .With("ApiWithBlob", """
                { "bindings": [
                  { "name": "req", "type": "httpTrigger", "direction": "in" },
                  { "name": "res", "type": "http", "direction": "out" },
                  { "name": "doc", "type": "blob", "direction": "in", "path": "docs/x" } ] }
                """);

        var app = HostConfigLoader.Load(_folder.Root, _folder.Root);

        Assert.True(app.Find("Api")!.IsForwardableHttp);
        Assert.Equal(["GET", "POST", "PUT", "DELETE", "PATCH"], app.Find("Api")!.Trigger.Methods);
        Assert.Equal("{*path}", app.Find("Api")!.Trigger.Route);
        Assert.False(app.Find("ApiWithBlob")!.IsForwardableHttp);
    }

    [Fact]
    public void Load_DisabledAsStringOrBoolean_IsRead()
    {
        _folder.With("Off", """{ "disabled": "true", "bindings": [ { "name": "t", "type": "timerTrigger", "direction": "in", "schedule": "0 0 2 15 1 *" } ] }""");

        Assert.True(HostConfigLoader.Load(_folder.Root, _folder.Root).Find("Off")!.Disabled);
    }

    [Theory]
    // Two triggers: the host refuses such a function.
    [InlineData("""{ "bindings": [ { "name": "a", "type": "timerTrigger", "direction": "in" }, { "name": "b", "type": "blobTrigger", "direction": "in" } ] }""", "exactly one trigger")]
    [InlineData("""{ "bindings": [ { "name": "a", "type": "timerTrigger", "direction": "sideways" } ] }""", "direction \"SIDEWAYS\"")]
    [InlineData("""{ "bindings": [ { "type": "timerTrigger", "direction": "in" } ] }""", "needs a \"type\" and a \"name\"")]
    [InlineData("""{ "bindings": {} }""", "\"bindings\" must be an array")]
    public void Load_InvalidFunctionJson_NamesTheFileAndTheProblem(string json, string message)
    {
        _folder.With("Broken", json);

        var exception = Assert.Throws<InvalidDataException>(() => HostConfigLoader.Load(_folder.Root, _folder.Root));

        Assert.Contains(Path.Combine("Broken", "function.json"), exception.Message, StringComparison.Ordinal);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoHostJson_Throws()
    {
        File.Delete(Path.Combine(_folder.Root, "host.json"));

        Assert.Throws<FileNotFoundException>(() => HostConfigLoader.Load(_folder.Root, _folder.Root));
    }
}
