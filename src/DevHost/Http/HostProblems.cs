using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ParServerless.DevHost.Http;

/// <summary>
/// The stand-in's own coded answers (lỗi có mã của DevHost), as RFC 9457 problems of the app's one shape (<c>type</c>
/// <c>/api/problems/{code}</c>, <c>title</c> English, <c>detail</c> Vietnamese, <c>code</c>, <c>vi</c>, <c>en</c>), so a client reads them
/// as it reads the app's. DevHost does not reference the pipeline: the codes are taken from its PAR-A range (PAR-A175…179) and listed
/// in docs/DEVHOST.md.
/// </summary>
internal static class HostProblems
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A request held at the front door while the worker starts, for longer than the bound: try again.</summary>
    public static HostProblem WorkerNotReady(TimeSpan waited) => new("PAR-A175", StatusCodes.Status503ServiceUnavailable,
        $"Ứng dụng đang khởi động: các hàm chưa sẵn sàng sau {Seconds(waited)} giây; vui lòng thử lại sau.",
        $"The app is starting: its functions were not ready within {Seconds(waited, english: true)} s; try again later.");

    /// <summary>The worker never got ready (it exited or failed its handshake): the stand-in stops; see its log.</summary>
    public static HostProblem WorkerFailed() => new("PAR-A176", StatusCodes.Status503ServiceUnavailable,
        "Ứng dụng không khởi động được (tiến trình worker lỗi khi khởi động); xem nhật ký của DevHost.",
        "The app could not start (the worker failed during start-up); see DevHost's log.");

    public static async Task WriteAsync(HttpContext context, HostProblem problem, TimeSpan? retryAfter = null)
    {
        context.Response.StatusCode = problem.Status;
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        if (retryAfter is { } retry)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        using var body = new MemoryStream();
        using (var json = new Utf8JsonWriter(body, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("type", $"/api/problems/{problem.Code}");
            json.WriteString("title", problem.English);
            json.WriteNumber("status", problem.Status);
            json.WriteString("detail", problem.Vietnamese);
            json.WriteString("code", problem.Code);
            json.WriteString("vi", problem.Vietnamese);
            json.WriteString("en", problem.English);
            json.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Whole seconds or one decimal, with a decimal comma for the Vietnamese text and a point for the English one.</summary>
    private static string Seconds(TimeSpan span, bool english = false) =>
        Math.Round((decimal)span.TotalSeconds, 1).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo(english ? "en-US" : "vi-VN"));
}

/// <summary>One coded problem: the stable code, the HTTP status it answers with, and both texts.</summary>
internal sealed record HostProblem(string Code, int Status, string Vietnamese, string English);
