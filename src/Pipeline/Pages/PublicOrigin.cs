using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParServerless.Pipeline.Storage;

namespace ParServerless.Pipeline.Pages;

/// <summary>
/// The public address of the pages (địa chỉ công khai), e.g. <c>https://chisocchc.hue.gov.vn</c>, for the absolute URLs link
/// previews need (Open Graph <c>og:url</c>, <c>og:image</c>).
/// </summary>
/// <remarks>
/// Configured (<see cref="StorageNames.Settings.PublicOrigin"/>), every page names the province's own address whatever name a
/// request came through (the platform's default host name, a proxy's), and a request's Host header never reaches a page that
/// caches may keep. Unset, or not an http(s) origin (scheme and host, nothing after), the pages name the request's own scheme
/// and host, as before.
/// </remarks>
public sealed class PublicOrigin
{
    private PublicOrigin(string? configured, string? rejected) => (Configured, Rejected) = (configured, rejected);

    /// <summary>The configured origin, normalised to <c>scheme://host[:port]</c>; null when unset or not a usable origin.</summary>
    public string? Configured { get; }

    /// <summary>A value that was set but is not an http(s) origin (the start-up log names it); null otherwise.</summary>
    public string? Rejected { get; }

    public static PublicOrigin FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return From(configuration[StorageNames.Settings.PublicOrigin]);
    }

    public static PublicOrigin From(string? value)
    {
        var origin = Normalise(value);
        return new(origin, origin is null && !string.IsNullOrWhiteSpace(value) ? value : null);
    }

    /// <summary>The origin a page names: the configured one, else the request's (empty without a host: URLs stay relative).</summary>
    public string For(string requestScheme, string? requestHost) =>
        Configured ?? (string.IsNullOrEmpty(requestHost) ? "" : requestScheme + "://" + requestHost);

    private static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return null;
        // An origin only: a path, query, fragment or user name would be glued in front of every page's own path.
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0) return null;
        return uri.GetLeftPart(UriPartial.Authority);
    }
}

internal static class PublicOriginLog
{
    private static readonly Action<ILogger, string, string, Exception?> Ignored = LoggerMessage.Define<string, string>(LogLevel.Warning,
        new EventId(1, "PublicOriginIgnored"),
        "{Setting} = '{Value}' is not an http(s) origin (scheme and host only, e.g. https://chisocchc.hue.gov.vn); link previews name each request's own address");

    /// <summary>Warns once, when the pages' services are built, that a set <c>PAR_PUBLIC_ORIGIN</c> is not used.</summary>
    public static PublicOrigin Logged(this PublicOrigin origin, IServiceProvider services)
    {
        if (origin.Rejected is { } value && services.GetService<ILoggerFactory>() is { } loggers)
            Ignored(loggers.CreateLogger<PublicOrigin>(), StorageNames.Settings.PublicOrigin, value, null);
        return origin;
    }
}
