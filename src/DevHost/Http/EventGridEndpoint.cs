using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ParServerless.DevHost.Blobs;

namespace ParServerless.DevHost.Http;

/// <summary>
/// The blob extension's Event Grid webhook, <c>POST /runtime/webhooks/blobs?functionName=Host.Functions.{Name}</c>: answers the
/// subscription validation handshake, and queues each <c>Microsoft.Storage.BlobCreated</c> event's blob exactly as a scan would
/// (receipt, then the internal queue), so an event and a scan that both see a blob version run it once.
/// </summary>
/// <remarks>
/// Azurite emits no events: tests post them. The real webhook requires the <c>blobs_extension</c> system key; here the master key is
/// asked for only when one is configured (checked by the caller).
/// </remarks>
internal sealed partial class EventGridEndpoint(Func<string, BlobFunction?> findFunction, Func<BlobTriggerPoller?> poller, ILogger logger)
{
    public const string Path = "/runtime/webhooks/blobs";

    private const string BlobCreated = "Microsoft.Storage.BlobCreated";
    private const string SubscriptionValidation = "Microsoft.EventGrid.SubscriptionValidationEvent";

    public async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "POST";
            return;
        }

        var name = context.Request.Query["functionName"].ToString();
        var function = findFunction(name.StartsWith("Host.Functions.", StringComparison.Ordinal) ? name["Host.Functions.".Length..] : name);
        if (function is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync($"no blob function '{name}'", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        JsonArray events;
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            events = body as JsonArray ?? (body is JsonObject single ? [single.DeepClone()] : throw new JsonException("expected an array of events"));
        }
        catch (JsonException exception)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("body must be an Event Grid event array: " + exception.Message, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var queued = 0;
        foreach (var item in events.OfType<JsonObject>())
        {
            var type = (item["eventType"] ?? item["type"])?.GetValue<string>();
            if (type == SubscriptionValidation)
            {
                var code = item["data"]?["validationCode"]?.GetValue<string>();
                Log.Validated(logger, function.Definition.Name);
                await context.Response.WriteAsJsonAsync(new { validationResponse = code }, context.RequestAborted).ConfigureAwait(false);
                return;
            }

            if (type != BlobCreated)
            {
                continue;
            }

            if (BlobName(item, function.Pattern.Container) is not { } blobName)
            {
                Log.NotOurContainer(logger, function.Definition.Name, item["subject"]?.ToString());
                continue;
            }

            if (poller() is { } scanner && await scanner.QueueAsync(function, blobName, context.RequestAborted).ConfigureAwait(false))
            {
                queued++;
            }
        }

        Log.Received(logger, function.Definition.Name, events.Count, queued);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    /// <summary>The blob name from the subject <c>/blobServices/default/containers/{container}/blobs/{name}</c>, else from <c>data.url</c>.</summary>
    private static string? BlobName(JsonObject item, string container)
    {
        var subject = item["subject"]?.GetValue<string>() ?? "";
        var prefix = $"/blobServices/default/containers/{container}/blobs/";
        if (subject.StartsWith(prefix, StringComparison.Ordinal))
        {
            return subject[prefix.Length..];
        }

        if (item["data"]?["url"]?.GetValue<string>() is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            // Azure: /{container}/{blob}; Azurite: /{account}/{container}/{blob}.
            var path = Uri.UnescapeDataString(uri.AbsolutePath);
            var at = path.IndexOf($"/{container}/", StringComparison.Ordinal);
            return at < 0 ? null : path[(at + container.Length + 2)..];
        }

        return null;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Event Grid subscription validated for {Function}")]
        public static partial void Validated(ILogger logger, string function);

        [LoggerMessage(Level = LogLevel.Information, Message = "Event Grid delivered {Count} events for {Function}: {Queued} blobs queued")]
        public static partial void Received(ILogger logger, string function, int count, int queued);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Event Grid event for {Function} names a blob outside its container: {Subject}")]
        public static partial void NotOurContainer(ILogger logger, string function, string? subject);
    }
}
