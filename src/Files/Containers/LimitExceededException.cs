namespace ParServerless.Files.Containers;

/// <summary>Raised inside a reader when a bound is hit mid-stream; caught by the reader and turned into a coded problem, never escapes.</summary>
#pragma warning disable CA1064, CA1032 // internal control flow only
internal sealed class LimitExceededException(string what) : Exception(what);
#pragma warning restore CA1064, CA1032
