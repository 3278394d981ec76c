namespace SocialMonitor.IntegrationTests.Page;

/// <summary>The page tests share one app and one browser (<see cref="PageFixture"/>); each uses findings no other test changes.</summary>
[CollectionDefinition(Name)]
public sealed class PageTests : ICollectionFixture<PageFixture>
{
    public const string Name = "page";
}
