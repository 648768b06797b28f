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

    /// <summary>
    /// Refusals the framework makes itself (a body that is not valid JSON, a wrong method or content type) get a code and both
    /// texts too, so every refusal has the same shape: <c>PAR-A{status}</c>.
    /// </summary>
    public static void AddCode(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code")) return;
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        var (vi, en) = status switch
        {
            400 => ("Yêu cầu không hợp lệ: thân JSON hoặc tham số không đọc được.", "The request is not valid: its JSON body or a parameter could not be read."),
            404 => ("Không có đường dẫn này trong API.", "No such API route."),
            405 => ("Phương thức HTTP này không dùng được cho đường dẫn này.", "This HTTP method is not allowed on this route."),
            415 => ("Kiểu nội dung không được hỗ trợ; gửi application/json.", "Unsupported content type; send application/json."),
            _ => ("Yêu cầu không thực hiện được.", "The request could not be carried out."),
        };
        problem.Extensions["code"] = $"PAR-A{status}";
        problem.Extensions["vi"] = vi;
        problem.Extensions["en"] = en;
        problem.Detail ??= vi;
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
