using System.Text;
using System.Text.RegularExpressions;

namespace ParServerless.DevHost.Configuration;

/// <summary>
/// A blob trigger path such as <c>submissions/{year}/{unit}/{name}</c>: a literal container, then a blob name pattern whose
/// <c>{parameters}</c> become binding data.
/// </summary>
/// <remarks>
/// Parameters match lazily and the whole name must match, as in the host's binding templates:
/// <c>{year}/{unit}/{name}</c> on <c>2025/SO-TP/a/b.xlsx</c> gives <c>name = a/b.xlsx</c>. <c>{{</c> and <c>}}</c> are literal braces.
/// </remarks>
internal sealed partial class BlobPathPattern
{
    private readonly Regex _regex;

    private BlobPathPattern(string container, string blobPattern, string listPrefix, IReadOnlyList<string> parameters, Regex regex)
    {
        Container = container;
        BlobPattern = blobPattern;
        ListPrefix = listPrefix;
        Parameters = parameters;
        _regex = regex;
    }

    public string Container { get; }

    public string BlobPattern { get; }

    /// <summary>The literal start of the blob pattern, used as the listing prefix.</summary>
    public string ListPrefix { get; }

    public IReadOnlyList<string> Parameters { get; }

    /// <param name="path">The path with <c>%SETTING%</c> tokens already resolved.</param>
    public static BlobPathPattern Parse(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var container = slash < 0 ? path : path[..slash];
        var blobPattern = slash < 0 ? "" : path[(slash + 1)..];
        if (!ContainerName().IsMatch(container))
        {
            throw new InvalidDataException($"blob path '{path}': '{container}' is not a literal container name (3-63 lowercase letters, digits and dashes)");
        }

        var regex = new StringBuilder("^");
        var prefix = new StringBuilder();
        var parameters = new List<string>();
        var literal = true;
        for (var i = 0; i < blobPattern.Length; i++)
        {
            var c = blobPattern[i];
            if ((c == '{' || c == '}') && i + 1 < blobPattern.Length && blobPattern[i + 1] == c)
            {
                AppendLiteral(c);
                i++;
            }
            else if (c == '{')
            {
                var end = blobPattern.IndexOf('}', i);
                var name = end < 0 ? "" : blobPattern[(i + 1)..end];
                if (!ParameterName().IsMatch(name))
                {
                    throw new InvalidDataException($"blob path '{path}': '{{{name}' is not a valid {{parameter}}");
                }

                if (parameters.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    throw new InvalidDataException($"blob path '{path}': parameter {{{name}}} appears twice");
                }

                parameters.Add(name);
                regex.Append("(?<").Append(name).Append(">.*?)");
                literal = false;
                i = end;
            }
            else if (c == '}')
            {
                throw new InvalidDataException($"blob path '{path}': unmatched '}}'");
            }
            else
            {
                AppendLiteral(c);
            }
        }

        // A bare container ("submissions") or "submissions/" watches every blob in it.
        regex.Append(blobPattern.Length == 0 ? @".*\z" : @"\z");
        return new BlobPathPattern(container, blobPattern, prefix.ToString(), parameters,
            new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline));

        void AppendLiteral(char c)
        {
            regex.Append(Regex.Escape(c.ToString()));
            if (literal)
            {
                prefix.Append(c);
            }
        }
    }

    /// <summary>Matches a blob name (without the container) and returns the parameter values, or null when it does not match.</summary>
    public IReadOnlyDictionary<string, string>? Match(string blobName)
    {
        var match = _regex.Match(blobName);
        if (!match.Success)
        {
            return null;
        }

        return Parameters.ToDictionary(p => p, p => match.Groups[p].Value, StringComparer.OrdinalIgnoreCase);
    }

    public override string ToString() => BlobPattern.Length == 0 ? Container : $"{Container}/{BlobPattern}";

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$")]
    private static partial Regex ContainerName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ParameterName();
}
