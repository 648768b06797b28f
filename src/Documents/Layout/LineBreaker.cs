namespace ParServerless.Documents.Layout;

/// <summary>A line of a laid-out paragraph: pieces of text at x offsets from the line's start.</summary>
internal sealed record TextLine(IReadOnlyList<(string Text, TextStyle Style, float X)> Pieces, float Width, float Height, float Ascent);

/// <summary>Greedy line breaking at spaces, with justification. Words longer than a line are cut by characters.</summary>
internal static class LineBreaker
{
    private readonly record struct Segment(string Text, TextStyle Style, float Width);

    /// <summary>A word: one or more segments (a word may change style midway) and the space that follows it.</summary>
    private sealed class Word
    {
        public List<Segment> Segments { get; } = [];
        public float Width { get; set; }
        public float SpaceWidth { get; set; }
        public TextStyle? SpaceStyle { get; set; }
        public bool BreakAfter { get; set; }
    }

    public static List<TextLine> Break(TextEngine engine, Paragraph p, float width)
    {
        var words = Words(engine, p.Runs);
        var lines = new List<TextLine>();
        var line = new List<Word>();
        float used = 0;
        var first = true;

        void Emit(bool last)
        {
            var available = width - p.LeftIndent - p.RightIndent - (first ? p.FirstLineIndent : 0);
            lines.Add(Compose(engine, p, line, available, last, first));
            line = [];
            used = 0;
            first = false;
        }

        foreach (var word in Split(engine, words, width - p.LeftIndent - p.RightIndent - Math.Max(0, p.FirstLineIndent)))
        {
            var available = width - p.LeftIndent - p.RightIndent - (first ? p.FirstLineIndent : 0);
            var gap = line.Count > 0 ? line[^1].SpaceWidth : 0;
            if (line.Count > 0 && used + gap + word.Width > available + 0.01f) Emit(last: false);
            used += (line.Count > 0 ? line[^1].SpaceWidth : 0) + word.Width;
            line.Add(word);
            if (word.BreakAfter) Emit(last: true);
        }
        if (line.Count > 0 || lines.Count == 0) Emit(last: true);
        return lines;
    }

    private static TextLine Compose(TextEngine engine, Paragraph p, List<Word> words, float available, bool last, bool first)
    {
        var natural = 0f;
        for (var i = 0; i < words.Count; i++)
            natural += words[i].Width + (i < words.Count - 1 ? words[i].SpaceWidth : 0);

        var start = p.LeftIndent + (first ? p.FirstLineIndent : 0);
        var extra = 0f;
        switch (p.Align)
        {
            case TextAlign.Center: start += Math.Max(0, (available - natural) / 2); break;
            case TextAlign.Right: start += Math.Max(0, available - natural); break;
            case TextAlign.Justify when !last && words.Count > 1: extra = Math.Max(0, (available - natural) / (words.Count - 1)); break;
        }

        var pieces = new List<(string, TextStyle, float)>();
        var x = start;
        var size = words.Count == 0 ? p.Runs.Select(r => r.Style.Size).DefaultIfEmpty(12).Max() : 0f;
        var ascent = 0f;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var hasGap = i < words.Count - 1;
            for (var s = 0; s < w.Segments.Count; s++)
            {
                var seg = w.Segments[s];
                // The space is drawn with the word so that text extraction keeps word boundaries.
                var text = hasGap && s == w.Segments.Count - 1 ? seg.Text + " " : seg.Text;
                // Consecutive pieces of one style on an unjustified line merge into one draw call.
                if (extra == 0 && pieces.Count > 0 && pieces[^1].Item2 == seg.Style && EndsWithSpaceOrSameWord(pieces[^1].Item1, s))
                    pieces[^1] = (pieces[^1].Item1 + text, seg.Style, pieces[^1].Item3);
                else
                    pieces.Add((text, seg.Style, x));
                x += seg.Width;
                size = Math.Max(size, seg.Style.Size);
                ascent = Math.Max(ascent, engine.Metrics(seg.Style).Ascent);
            }
            if (hasGap) x += w.SpaceWidth + extra;
        }
        if (ascent == 0) ascent = size * 0.891f;
        return new TextLine(pieces, natural, size * p.LineSpacing, ascent);
    }

    private static bool EndsWithSpaceOrSameWord(string previous, int segmentIndex) => segmentIndex > 0 || previous.EndsWith(' ');

    private static List<Word> Words(TextEngine engine, IReadOnlyList<Run> runs)
    {
        var words = new List<Word>();
        var current = new Word();
        foreach (var run in runs)
        {
            var text = ParServerless.Scoring.Text.Nfc(run.Text);
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                var end = i == text.Length;
                if (!end && text[i] != ' ' && text[i] != '\n') continue;
                if (i > start)
                {
                    var piece = text[start..i];
                    current.Segments.Add(new Segment(piece, run.Style, engine.Measure(piece, run.Style)));
                    current.Width += current.Segments[^1].Width;
                }
                if (!end)
                {
                    if (current.Segments.Count > 0 || text[i] == '\n')
                    {
                        current.SpaceWidth = text[i] == ' ' ? engine.Measure(" ", run.Style) : 0;
                        current.SpaceStyle = run.Style;
                        current.BreakAfter = text[i] == '\n';
                        words.Add(current);
                        current = new Word();
                    }
                }
                start = i + 1;
            }
        }
        if (current.Segments.Count > 0) words.Add(current);
        return words;
    }

    /// <summary>Cuts words wider than a whole line into pieces that fit, so that nothing overflows a cell.</summary>
    private static IEnumerable<Word> Split(TextEngine engine, List<Word> words, float width)
    {
        foreach (var word in words)
        {
            if (word.Width <= width || word.Segments.Count != 1 || word.Segments[0].Text.Length < 2)
            {
                yield return word;
                continue;
            }
            var seg = word.Segments[0];
            var text = seg.Text;
            var start = 0;
            while (start < text.Length)
            {
                var end = start + 1;
                while (end < text.Length && engine.Measure(text[start..(end + 1)], seg.Style) <= width) end++;
                var piece = new Word();
                piece.Segments.Add(new Segment(text[start..end], seg.Style, engine.Measure(text[start..end], seg.Style)));
                piece.Width = piece.Segments[0].Width;
                if (end >= text.Length)
                {
                    piece.SpaceWidth = word.SpaceWidth;
                    piece.SpaceStyle = word.SpaceStyle;
                    piece.BreakAfter = word.BreakAfter;
                }
                yield return piece;
                start = end;
            }
        }
    }
}
