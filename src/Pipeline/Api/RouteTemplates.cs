using System.Globalization;

namespace ParServerless.Pipeline.Api;

/// <summary>Matches a path (with its <c>api/</c> prefix; the host's route prefix is empty) against the API's route templates, for the 404/405 fallback.</summary>
/// <remarks>Templates here use whole-segment parameters (<c>{unit}</c>), the <c>int</c> constraint and literal segments only.</remarks>
public static class RouteTemplates
{
    private static readonly string[][] Templates = ApiOperations.All.Select(o => o.Route).Distinct().Select(r => r.Split('/')).ToArray();

    /// <summary>The template the path matches, or null.</summary>
    public static string? Find(string path)
    {
        var segments = path.Split('/');
        foreach (var template in Templates)
            if (Matches(template, segments)) return string.Join('/', template);
        return null;
    }

    private static bool Matches(string[] template, string[] segments)
    {
        if (template.Length != segments.Length) return false;
        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            var s = Uri.UnescapeDataString(segments[i]);
            if (t.StartsWith('{') && t.EndsWith('}'))
            {
                if (s.Length == 0) return false;
                if (t.EndsWith(":int}", StringComparison.Ordinal) && !int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return false;
            }
            else if (!string.Equals(t, s, StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }
}
