namespace ParServerless.Documents.Layout;

/// <summary>A line of a laid-out paragraph: pieces of text at x offsets from the line's start.</summary>
internal sealed record TextLine(IReadOnlyList<(string Text, TextStyle Style, float X)> Pieces, float Width, float Height, float Ascent);

/// <summary>Greedy line breaking at spaces, with justification. Words longer than a line are cut by characters.</summary>
internal static class LineBreaker
{
    private readonly record struct Segment(string Text, TextStyle Style, float Width);

    /// <summary>A word: one or more segments (a word may change style midway) and the space that follows it.</summary>
    /// <remarks>The first segment is held inline: almost every word has only one, and a list per word was most of what
    /// laying out a result sheet allocated.</remarks>
    private sealed class Word
    {
        private Segment _first;
        private List<Segment>? _more;

        public int Count { get; private set; }
        public Segment this[int index] => index == 0 ? _first : _more![index - 1];
        public float Width { get; private set; }
        public float SpaceWidth { get; set; }
        public TextStyle? SpaceStyle { get; set; }
        public bool BreakAfter { get; set; }

        public void Add(Segment segment)
        {
            if (Count == 0) _first = segment;
            else (_more ??= []).Add(segment);
            Count++;
            Width += segment.Width;
        }
    }

    /// <summary>Joins the texts of a merged piece (one per renderer thread).</summary>
    [ThreadStatic] private static System.Text.StringBuilder? _joined;

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
            line.Clear();
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
        var piece = new Gathering(_joined ??= new System.Text.StringBuilder());
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var hasGap = i < words.Count - 1;
            for (var s = 0; s < w.Count; s++)
            {
                var seg = w[s];
                // The space is drawn with the word so that text extraction keeps word boundaries.
                var space = hasGap && s == w.Count - 1;
                // Consecutive pieces of one style on an unjustified line merge into one draw call (within a word, or after a space).
                if (extra == 0 && piece.Open && piece.Style == seg.Style && (s > 0 || piece.EndsWithSpace)) piece.Join(seg.Text, space);
                else
                {
                    piece.Flush(pieces);
                    piece.Start(seg.Text, space, seg.Style, x);
                }
                x += seg.Width;
                size = Math.Max(size, seg.Style.Size);
                ascent = Math.Max(ascent, engine.Metrics(seg.Style).Ascent);
            }
            if (hasGap) x += w.SpaceWidth + extra;
        }
        piece.Flush(pieces);
        if (ascent == 0) ascent = size * 0.891f;
        return new TextLine(pieces, natural, size * p.LineSpacing, ascent);
    }

    /// <summary>
    /// A line's piece being gathered: its first text and space, then, once another text joins it, the texts joined in the
    /// builder. A piece of one text (most of them) is that text itself, or with its space; nothing is concatenated twice.
    /// </summary>
    private struct Gathering(System.Text.StringBuilder joined)
    {
        private string? _first;
        private bool _firstSpace;
        private bool _joining;
        private float _x;

        public readonly bool Open => _first is not null;
        public TextStyle Style { get; private set; }
        public bool EndsWithSpace { get; private set; }

        public void Start(string text, bool space, TextStyle style, float x)
        {
            (_first, _firstSpace, _joining, _x) = (text, space, false, x);
            (Style, EndsWithSpace) = (style, space);
        }

        public void Join(string text, bool space)
        {
            if (!_joining)
            {
                joined.Clear().Append(_first);
                if (_firstSpace) joined.Append(' ');
                _joining = true;
            }
            joined.Append(text);
            if (space) joined.Append(' ');
            EndsWithSpace = space;
        }

        public void Flush(List<(string, TextStyle, float)> pieces)
        {
            if (_first is null) return;
            pieces.Add((_joining ? joined.ToString() : _firstSpace ? _first + " " : _first, Style, _x));
            _first = null;
        }
    }

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
                    current.Add(new Segment(piece, run.Style, engine.Measure(piece, run.Style)));
                }
                if (!end)
                {
                    if (current.Count > 0 || text[i] == '\n')
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
        if (current.Count > 0) words.Add(current);
        return words;
    }

    /// <summary>Cuts words wider than a whole line into pieces that fit, so that nothing overflows a cell.</summary>
    private static IEnumerable<Word> Split(TextEngine engine, List<Word> words, float width)
    {
        foreach (var word in words)
        {
            if (word.Width <= width || word.Count != 1 || word[0].Text.Length < 2)
            {
                yield return word;
                continue;
            }
            var seg = word[0];
            var text = seg.Text;
            var start = 0;
            while (start < text.Length)
            {
                var end = start + 1;
                while (end < text.Length && engine.Measure(text[start..(end + 1)], seg.Style) <= width) end++;
                var piece = new Word();
                piece.Add(new Segment(text[start..end], seg.Style, engine.Measure(text[start..end], seg.Style)));
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
