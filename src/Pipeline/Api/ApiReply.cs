using ParServerless.Pipeline.Problems;

namespace ParServerless.Pipeline.Api;

/// <summary>
/// What an API operation answers, independent of the HTTP stack: the Functions glue turns it into a response (status,
/// headers, body, conditional requests). Typed bodies are wire contracts serialised with <see cref="ApiJson.Options"/>.
/// </summary>
public abstract record ApiReply
{
    private protected ApiReply() { }

    /// <summary>A JSON body.</summary>
    /// <param name="location">The <c>Location</c> header (201 Created, 202 Accepted).</param>
    public static JsonReply Json<T>(T body, int status = 200, string? location = null) where T : notnull => new(body, typeof(T), status, location);

    /// <summary>A coded refusal, answered as an RFC 9457 problem.</summary>
    public static RefusalReply Refuse(Refusal refusal, string? challenge = null) => new(refusal, challenge);

    public static implicit operator ApiReply(Refusal refusal) => new RefusalReply(refusal, null);
}

public sealed record JsonReply(object Body, Type BodyType, int Status, string? Location) : ApiReply;

/// <summary>Bytes with their type: a document, an export, or JSON rendered once and cached.</summary>
/// <param name="DownloadName">Offered file name; PDFs and JSON are shown inline, other types downloaded.</param>
/// <param name="ETag">Strong validator, set for content that never changes under this URL until republished.</param>
/// <param name="Caching">How long caches may keep it.</param>
/// <param name="Headers">Further response headers, e.g. which document a Decision PDF is.</param>
public sealed record ContentReply(
    ReadOnlyMemory<byte> Content, string ContentType, string? DownloadName = null, string? ETag = null, ContentCaching Caching = ContentCaching.None,
    IReadOnlyDictionary<string, string>? Headers = null)
    : ApiReply;

/// <summary>A refusal; <paramref name="Challenge"/> is the <c>WWW-Authenticate</c> header of a 401.</summary>
public sealed record RefusalReply(Refusal Refusal, string? Challenge) : ApiReply;

/// <summary>Cache policy of content.</summary>
public enum ContentCaching
{
    /// <summary>Private and revalidated every time (admin drafts, agency data).</summary>
    None = 0,

    /// <summary>Published content: any cache may keep it a while, and revalidate with the ETag.</summary>
    Published = 1,
}
