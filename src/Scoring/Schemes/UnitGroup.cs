namespace ParServerless.Scoring.Schemes;

/// <summary>A group of comparable units ranked together (khối), e.g. "SO" for sở, ban, ngành.</summary>
/// <param name="Code">Short stable code used in files and keys: letters, digits, '-' and '_'.</param>
/// <param name="Name">Vietnamese name as printed in the Decision, e.g. "Các sở, ban, ngành".</param>
public sealed record UnitGroup(string Code, string Name);
