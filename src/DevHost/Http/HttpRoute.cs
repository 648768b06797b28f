using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using ParServerless.DevHost.Configuration;

namespace ParServerless.DevHost.Http;

/// <summary>
/// An HTTP function's route, <c>{routePrefix}/{route}</c> (the function name when it has no route), with its methods and the inline
/// constraints the host honours (<c>int</c>, <c>long</c>, <c>bool</c>, <c>guid</c>, <c>alpha</c>, <c>datetime</c>, <c>decimal</c>, <c>double</c>;
/// optional <c>{x?}</c> and catch-all <c>{*rest}</c> parameters).
/// </summary>
internal sealed class HttpRoute
{
    private readonly TemplateMatcher _matcher;
    private readonly IReadOnlyList<(string Name, IReadOnlyList<string> Constraints)> _constraints;

    private HttpRoute(FunctionDefinition function, string template, TemplateMatcher matcher, IReadOnlyList<(string, IReadOnlyList<string>)> constraints,
        IReadOnlyList<string> methods, int precedence)
    {
        Function = function;
        Template = template;
        _matcher = matcher;
        _constraints = constraints;
        Methods = methods;
        Precedence = precedence;
    }

    public FunctionDefinition Function { get; }

    public string Template { get; }

    /// <summary>Upper-case methods; empty means every method.</summary>
    public IReadOnlyList<string> Methods { get; }

    /// <summary>Literal routes before parameterised ones, catch-alls last.</summary>
    public int Precedence { get; }

    public static HttpRoute Create(FunctionDefinition function, string routePrefix)
    {
        var route = (function.Trigger.Route ?? function.Name).Trim('/');
        var template = string.IsNullOrEmpty(routePrefix) ? route : $"{routePrefix}/{route}";
        var parsed = TemplateParser.Parse(template);
        var precedence = parsed.Parameters.Any(p => p.IsCatchAll) ? 2 : parsed.Parameters.Count > 0 ? 1 : 0;
        var constraints = parsed.Parameters
            .Select(p => (p.Name!, (IReadOnlyList<string>)[.. p.InlineConstraints.Select(c => c.Constraint)]))
            .Where(c => c.Item2.Count > 0)
            .ToList();
        foreach (var (name, list) in constraints)
        {
            foreach (var constraint in list.Where(c => !Known(c)))
            {
                throw new InvalidDataException($"{function.Name}: route constraint '{constraint}' on {{{name}}} is not supported by DevHost");
            }
        }

        return new HttpRoute(function, template, new TemplateMatcher(parsed, new RouteValueDictionary()), constraints,
            [.. function.Trigger.Methods.Select(m => m.ToUpperInvariant())], precedence);
    }

    public bool Allows(string method) => Methods.Count == 0 || Methods.Contains(method.ToUpperInvariant());

    /// <summary>The route values when <paramref name="path"/> matches the template and its constraints; null otherwise.</summary>
    public RouteValueDictionary? Match(PathString path)
    {
        var values = new RouteValueDictionary();
        if (!_matcher.TryMatch(path, values))
        {
            return null;
        }

        foreach (var (name, constraints) in _constraints)
        {
            if (values.TryGetValue(name, out var value) && value is not null && !constraints.All(c => Satisfies(c, Convert.ToString(value, CultureInfo.InvariantCulture)!)))
            {
                return null;
            }
        }

        return values;
    }

    private static bool Known(string constraint) =>
        constraint is "int" or "long" or "bool" or "guid" or "alpha" or "datetime" or "decimal" or "double" or "float";

    private static bool Satisfies(string constraint, string value) => constraint switch
    {
        "int" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        "long" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        "bool" => bool.TryParse(value, out _),
        "guid" => Guid.TryParse(value, out _),
        "alpha" => value.Length > 0 && value.All(char.IsAsciiLetter),
        "datetime" => DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "decimal" => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        "double" or "float" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        _ => false,
    };
}
