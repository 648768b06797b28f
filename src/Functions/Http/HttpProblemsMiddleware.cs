using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using ParServerless.Pipeline.Problems;

namespace ParServerless.Functions.Http;

/// <summary>
/// An HTTP function that throws answers a coded problem like every other refusal: storage faults 503 (try again), anything
/// else 500, without internals. Other triggers rethrow, so the host retries a blob and then poisons it.
/// </summary>
internal sealed partial class HttpProblemsMiddleware(ILogger<HttpProblemsMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            LogFailed(e, context.FunctionDefinition.Name);
            var refusal = PipelineProblems.ForFault(e);
            await HttpReplies.Problem(http.Request, refusal).ExecuteAsync(http).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed; answered with a coded problem")]
    private partial void LogFailed(Exception exception, string function);
}
