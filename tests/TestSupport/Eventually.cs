using System.Diagnostics;

namespace ParServerless.Testing;

/// <summary>Waits for a condition with a generous timeout; tests never assert on durations.</summary>
public static class Eventually
{
    /// <value>The default value is 90 seconds: our build machines are shared and slow at times.</value>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : class
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (Stopwatch.GetElapsedTime(started) > (timeout ?? DefaultTimeout))
            {
                throw new TimeoutException($"gave up waiting for {what}");
            }

            await Task.Delay(50);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        await ReturnsAsync<object>(async () => await condition() ? new object() : null, what, timeout);

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, timeout);
}
