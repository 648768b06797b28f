using ParServerless.Testing.Azurite;

namespace ParServerless.DevHost.Tests.Integration;

/// <summary>Tests that share one in-memory Azurite; they run one after another and use their own containers and host ids.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
