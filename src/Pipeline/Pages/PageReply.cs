namespace ParServerless.Pipeline.Pages;

/// <summary>A rendered page: its status, the HTML, and whether it is published content any cache may keep.</summary>
public sealed record PageReply(int Status, string Html, bool Published)
{
    public const string ContentType = "text/html; charset=utf-8";
}
