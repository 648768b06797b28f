using System.Text;
using ParServerless.Pipeline.Ingestion;

namespace ParServerless.Pipeline.Tests.Ingestion;

/// <summary>Key ranges cut at hints cover the whole range exactly, whatever the hints, in every store's key order.</summary>
public sealed class KeyRangesTest
{
    private const string Low = "2061|";
    private const string High = "2061}";

    private static string Key(int i) => FormattableString.Invariant($"2061|U{i:D3}");

    /// <summary>Contiguous from low to high, each range non-empty in ordinal order: every key of [low, high) is in exactly one.</summary>
    private static void AssertCoversExactly(IReadOnlyList<KeyRange> ranges)
    {
        Assert.Equal(Low, ranges[0].Low);
        Assert.Equal(High, ranges[^1].High);
        for (var i = 0; i < ranges.Count; i++)
        {
            Assert.True(string.CompareOrdinal(ranges[i].Low, ranges[i].High) < 0, $"range {i} is empty: {ranges[i]}");
            if (i > 0) Assert.Equal(ranges[i - 1].High, ranges[i].Low);
        }
    }

    [Fact]
    public void Cut_NoHints_IsOneRangeFromLowToHigh()
    {
        Assert.Equal([new KeyRange(Low, High)], KeyRanges.Cut(Low, High, [], maxRanges: 8, minHintsPerRange: 1));
    }

    [Theory]
    [InlineData(1, 100, 1)]    // one unit: one range
    [InlineData(199, 100, 1)]  // fewer than two ranges' worth
    [InlineData(200, 100, 2)]
    [InlineData(4500, 100, 8)] // capped at the most ranges
    [InlineData(5, 1, 5)]
    public void Cut_RangeCount_IsHintsOverTheMinimum_BetweenOneAndTheMost(int hints, int minHintsPerRange, int expected)
    {
        var ranges = KeyRanges.Cut(Low, High, Enumerable.Range(0, hints).Select(Key), maxRanges: 8, minHintsPerRange);
        Assert.Equal(expected, ranges.Count);
        AssertCoversExactly(ranges);
    }

    [Fact]
    public void Cut_HundredHintsInFour_CutsAtEveryTwentyFifth_WhateverTheirOrderAndRepeats()
    {
        var hints = Enumerable.Range(0, 100).Select(Key).Reverse().Concat(Enumerable.Range(0, 100).Select(Key)).ToList();
        var ranges = KeyRanges.Cut(Low, High, hints, maxRanges: 4, minHintsPerRange: 1);
        Assert.Equal([new KeyRange(Low, Key(25)), new KeyRange(Key(25), Key(50)), new KeyRange(Key(50), Key(75)), new KeyRange(Key(75), High)], ranges);
    }

    [Fact]
    public void Cut_HintsOutsideTheRange_AtItsBounds_OrOrderedDifferentlyByStores_NeverCut()
    {
        string[] hints =
        [
            "2060|A", "2062|A", "2061", Low, High, "2061}x", // outside, or at the bounds
            "2061|\uD83D\uDE00", "2061|\uE000", "2061|\uFFFD", // a surrogate pair, characters from U+E000: UTF-8 and UTF-16 order differ
            "2061|F", "2061|M", // two hints: two ranges, cut at the second
        ];
        Assert.Equal([new KeyRange(Low, "2061|M"), new KeyRange("2061|M", High)], KeyRanges.Cut(Low, High, hints, maxRanges: 8, minHintsPerRange: 1));
    }

    [Fact]
    public void Cut_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyRanges.Cut(Low, High, [], maxRanges: 0, minHintsPerRange: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyRanges.Cut(Low, High, [], maxRanges: 1, minHintsPerRange: 0));
        Assert.Throws<ArgumentException>(() => KeyRanges.Cut(High, Low, [], maxRanges: 1, minHintsPerRange: 1));
    }

    /// <summary>
    /// Property: random hints and random keys of any characters (Vietnamese, escapes, surrogate pairs, U+E000 and above): each
    /// key of the range is in exactly one range by ordinal (UTF-16: Azurite, .NET) <b>and</b> by UTF-8 byte order (the service).
    /// </summary>
    [Fact]
    public void Cut_RandomHintsAndKeys_EachKeyInExactlyOneRange_InUtf16AndUtf8Order()
    {
        var random = new Random(20261130);
        string[] alphabet = ["A", "z", "0", "!", " ", "%2F", "|", "}", "~", "Đ", "ở", "\u07FF", "\u0800", "\uD7FF", "\uE000", "\uFFFD", "\uD83D\uDE00", "\uD800\uDC00"];
        string RandomKey() => Low + string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => alphabet[random.Next(alphabet.Length)]));
        for (var round = 0; round < 200; round++)
        {
            var hints = Enumerable.Range(0, random.Next(0, 60)).Select(_ => RandomKey()).ToList();
            var ranges = KeyRanges.Cut(Low, High, hints, maxRanges: random.Next(1, 10), minHintsPerRange: random.Next(1, 4));
            AssertCoversExactly(ranges);
            foreach (var key in hints.Concat(Enumerable.Range(0, 60).Select(_ => RandomKey())))
            {
                Assert.Equal(1, ranges.Count(r => string.CompareOrdinal(key, r.Low) >= 0 && string.CompareOrdinal(key, r.High) < 0));
                Assert.Equal(1, ranges.Count(r => Utf8Compare(key, r.Low) >= 0 && Utf8Compare(key, r.High) < 0));
            }
        }
    }

    private static int Utf8Compare(string a, string b) => Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
}
