using Microsoft.AspNetCore.Http;
using ParServerless.Pipeline.Api;

namespace ParServerless.Functions.Http;

/// <summary>The few lines every HTTP function shares: check the key, run the operation, answer its reply.</summary>
internal static class Serve
{
    public static async Task<IResult> Public(HttpRequest request, Func<Task<ApiReply>> operation) =>
        HttpReplies.ToResult(request, await operation().ConfigureAwait(false));

    public static async Task<IResult> Admin(HttpRequest request, ApiKeys keys, Func<Task<ApiReply>> operation) =>
        HttpReplies.ToResult(request, keys.RequireAdmin(HttpInput.Key(request)) ?? await operation().ConfigureAwait(false));

    /// <summary>Agency routes: the unit's own key, or the admin key.</summary>
    public static async Task<IResult> Unit(HttpRequest request, ApiKeys keys, string unit, Func<Task<ApiReply>> operation) =>
        HttpReplies.ToResult(request, keys.RequireUnit(unit, HttpInput.Key(request)) ?? await operation().ConfigureAwait(false));
}
