using System.Text;

namespace ParServerless.Pipeline.Pages;

/// <summary>A rendered page: its status, the HTML as UTF-8 (as it travels), and whether it is published content any cache may keep.</summary>
public sealed record PageReply(int Status, byte[] Body, bool Published)
{
    public const string ContentType = "text/html; charset=utf-8";

    public PageReply(int status, string html, bool published) : this(status, Encoding.UTF8.GetBytes(html), published)
    {
    }

    public string Html => Encoding.UTF8.GetString(Body);
}
