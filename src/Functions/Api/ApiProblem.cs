using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using ParServerless.Functions.Ingestion;
using ParServerless.Scoring.Problems;

namespace ParServerless.Functions.Api;

/// <summary>
/// Refusals as RFC 9457 problem details (<c>application/problem+json</c>): <c>title</c> in English, <c>detail</c> in
/// Vietnamese, and the stable <c>code</c> with both texts (<c>vi</c>, <c>en</c>). Codes PAR-A… are the API's own.
/// </summary>
internal static class ApiProblem
{
    public static IResult Of(int status, string code, string vi, string en, IReadOnlyList<Problem>? problems = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code, ["vi"] = vi, ["en"] = en };
        if (problems is { Count: > 0 }) extensions["problems"] = problems.Select(ProblemView.Of).ToList();
        return Results.Problem(statusCode: status, type: $"/api/problems/{code}", title: en, detail: vi, extensions: extensions);
    }

    public static IResult NotFound(string vi, string en) => Of(StatusCodes.Status404NotFound, "PAR-A404", vi, en);

    /// <summary>The same answer for "does not exist" and "not yet published", so the embargo leaks not even existence.</summary>
    public static IResult NotPublished(int year) => NotFound(
        $"Chưa có kết quả công bố của năm {year}.", $"No published results for {year}.");

    public static IResult Invalid(string code, string vi, string en, IReadOnlyList<Problem>? problems = null) =>
        Of(StatusCodes.Status400BadRequest, code, vi, en, problems);
}

/// <summary>Unhandled exceptions: storage faults answer 503 (try again), anything else 500, both as problems without internals.</summary>
internal static class ApiErrors
{
    public static void Handle(IApplicationBuilder app) => app.Run(async context =>
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var storage = error is Azure.RequestFailedException or HttpRequestException or TimeoutException;
        var result = storage
            ? ApiProblem.Of(StatusCodes.Status503ServiceUnavailable, "PAR-A503",
                "Kho lưu trữ tạm thời không truy cập được; vui lòng thử lại sau.", "Storage is temporarily unavailable; try again later.")
            : ApiProblem.Of(StatusCodes.Status500InternalServerError, "PAR-A500",
                "Lỗi hệ thống; yêu cầu chưa được thực hiện.", "Internal error; the request was not carried out.");
        // An invocation of a blob function must fail (non-2xx) so the host retries: both codes do that.
        await result.ExecuteAsync(context).ConfigureAwait(false);
    });
}
