using System.Globalization;
using System.Text;
using System.Text.Json;
using ParServerless.Scoring.Problems;
using static ParServerless.Files.FileProblemCodes;

namespace ParServerless.Files.Json;

/// <summary>
/// One streaming pass over a JSON file before it is parsed, finding what a document parser would accept silently:
/// comments, a property given twice in one object, and numbers a decimal cannot hold exactly (1e-400 would become 0).
/// </summary>
internal static class JsonPrescan
{
    /// <summary>True when the file may be parsed; every problem found is in the bag.</summary>
    /// <exception cref="Containers.LimitExceededException">An object has more than <paramref name="maxKeys"/> properties (a row is
    /// bounded like a worksheet row, <see cref="FileLimits.MaxCellsPerRow"/>).</exception>
    public static bool Check(ReadOnlySpan<byte> bytes, int maxDepth, int maxKeys, ProblemBag bag)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Allow,
            AllowTrailingCommas = true,
            MaxDepth = maxDepth,
        });
        var frames = new Stack<Frame>();
        var ok = true;
        try
        {
            while (reader.Read())
            {
                var frame = frames.Count > 0 ? frames.Peek() : null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.Comment:
                        bag.Error(JsonComment, new Location(Field: Path(frames)),
                            "Tệp JSON có chú thích (// hoặc /* */); JSON không cho phép chú thích. Hãy xóa chú thích rồi gửi lại.",
                            "The JSON file holds a comment (// or /* */); JSON has no comments. Remove it and upload again.");
                        return false;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString() ?? "";
                        frame!.Name = name;
                        if (frame.Keys!.Count >= maxKeys)
                            throw new Containers.LimitExceededException(Containers.Limit.CellsPerRow, "properties in an object");
                        if (!frame.Keys.Add(name))
                        {
                            ok = false;
                            bag.Error(DuplicateKey, new Location(Field: Path(frames)),
                                $"Thuộc tính \"{name}\" xuất hiện hai lần trong cùng một đối tượng JSON; không rõ giá trị nào đúng.",
                                $"Property \"{name}\" appears twice in one JSON object; which value counts is unclear.");
                        }
                        continue;
                    case JsonTokenType.StartObject:
                        frames.Push(new Frame(true));
                        continue;
                    case JsonTokenType.StartArray:
                        frames.Push(new Frame(false));
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        Advance(frames);
                        continue;
                    case JsonTokenType.Number when !IsExactDecimal(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan):
                        ok = false;
                        var text = Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
                        OutOfRange(bag, Path(frames), text.Length > 40 ? text[..40] + "…" : text);
                        break;
                }
                Advance(frames);
            }
        }
        catch (JsonException e)
        {
            var rest = bytes[(int)Math.Min(reader.BytesConsumed, bytes.Length)..].TrimStart(" \t\r\n,:"u8);
            if (rest.StartsWith("NaN"u8) || rest.StartsWith("Infinity"u8) || rest.StartsWith("-Infinity"u8))
            {
                OutOfRange(bag, Path(frames), rest.StartsWith("NaN"u8) ? "NaN" : rest.StartsWith("-"u8) ? "-Infinity" : "Infinity");
                return false;
            }
            bag.Error(Unreadable, new Location(Row: e.LineNumber is { } l ? (int)l + 1 : null),
                "Tệp không phải JSON hợp lệ (lỗi cú pháp ở dòng này).",
                "The file is not valid JSON (syntax error on this line).");
            return false;
        }
        return ok;
    }

    private static void OutOfRange(ProblemBag bag, string path, string text) =>
        bag.Error(NumberOutOfRange, new Location(Field: path),
            $"Số {text} nằm ngoài phạm vi hoặc có quá nhiều chữ số để ghi nhận chính xác (tối đa 28 chữ số có nghĩa); hệ thống không làm tròn thành một số khác.",
            $"The number {text} is out of range or has too many digits to be held exactly (28 significant digits at most); it is never rounded to another value.");

    /// <summary>After a value: the next array item, or the object waits for its next name.</summary>
    private static void Advance(Stack<Frame> frames)
    {
        if (frames.Count == 0) return;
        var f = frames.Peek();
        if (f.Keys is null) f.Index++;
        else f.Name = null;
    }

    /// <summary>Where the reader is, as the table reader names fields: <c>rows[3].points</c>.</summary>
    private static string Path(Stack<Frame> frames)
    {
        var sb = new StringBuilder();
        foreach (var f in frames.Reverse())
        {
            if (f.Keys is null)
            {
                sb.Append('[').Append(f.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (f.Name is not null)
            {
                if (sb.Length > 0) sb.Append('.');
                sb.Append(f.Name.Length > 64 ? f.Name[..64] + "…" : f.Name);
            }
        }
        return sb.Length == 0 ? "$" : sb.ToString();
    }

    /// <summary>True when the JSON number text is a value <see cref="decimal"/> holds exactly, so no digit is lost or invented.</summary>
    internal static bool IsExactDecimal(ReadOnlySpan<byte> raw)
    {
        var i = 0;
        if (i < raw.Length && raw[i] == '-') i++;
        var digits = new StringBuilder();
        var fraction = 0;
        for (; i < raw.Length && raw[i] is >= (byte)'0' and <= (byte)'9'; i++) digits.Append((char)raw[i]);
        if (i < raw.Length && raw[i] == '.')
            for (i++; i < raw.Length && raw[i] is >= (byte)'0' and <= (byte)'9'; i++) { digits.Append((char)raw[i]); fraction++; }
        long exponent = 0;
        if (i < raw.Length && raw[i] is (byte)'e' or (byte)'E')
        {
            i++;
            var negative = i < raw.Length && raw[i] == '-';
            if (i < raw.Length && raw[i] is (byte)'-' or (byte)'+') i++;
            for (; i < raw.Length && raw[i] is >= (byte)'0' and <= (byte)'9'; i++)
                exponent = Math.Min(exponent * 10 + (raw[i] - '0'), 1_000_000);
            if (negative) exponent = -exponent;
        }
        var d = digits.ToString().TrimStart('0');
        if (d.Length == 0) return true; // zero, however written
        var trimmed = d.TrimEnd('0');
        var power = exponent - fraction + (d.Length - trimmed.Length);
        var significant = trimmed.Length;
        return power >= 0 ? significant + power <= 28 : -power <= 28 && significant <= 28;
    }

    private sealed class Frame(bool isObject)
    {
        public HashSet<string>? Keys { get; } = isObject ? new HashSet<string>(StringComparer.Ordinal) : null;

        public string? Name { get; set; }

        public int Index { get; set; }
    }
}
