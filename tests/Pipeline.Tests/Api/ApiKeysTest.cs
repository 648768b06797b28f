using ParServerless.Pipeline.Api;

namespace ParServerless.Pipeline.Tests.Api;

public sealed class ApiKeysTest
{
    [Fact]
    public void UnitKey_IsTheDocumentedHmac_Base64UrlWithoutPadding()
    {
        var keys = new ApiKeys("admin", "secret");
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData("secret"u8.ToArray(), "par-unit-key/1|SO-TP"u8.ToArray()))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(expected, keys.UnitKey("SO-TP"));
        Assert.DoesNotContain('=', keys.UnitKey("SO-TP")!);
        Assert.True(keys.IsUnit("SO-TP", expected));
        Assert.False(keys.IsUnit("SO-NV", expected));
    }

    [Fact]
    public void Keys_AbsentSettings_AcceptNothing()
    {
        var keys = new ApiKeys(null, null);
        Assert.False(keys.IsAdmin(""));
        Assert.False(keys.IsAdmin("anything"));
        Assert.Null(keys.UnitKey("SO-TP"));
        Assert.False(keys.IsUnit("SO-TP", ""));
    }

    [Fact]
    public void RotatingTheSecret_ChangesEveryUnitKey() =>
        Assert.NotEqual(new ApiKeys(null, "a").UnitKey("SO-TP"), new ApiKeys(null, "b").UnitKey("SO-TP"));
}
