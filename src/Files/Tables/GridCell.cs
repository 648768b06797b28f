namespace ParServerless.Files.Tables;

/// <summary>A cell as a format reader sees it: column index (0-based), kind, and raw text (stored number text, string, or formula).</summary>
internal readonly record struct GridCell(int Column, CellKind Kind, string? Value);
