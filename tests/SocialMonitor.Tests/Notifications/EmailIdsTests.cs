using SocialMonitor.Core.Notifications;

namespace SocialMonitor.Tests.Notifications;

public sealed class EmailIdsTests
{
    [Fact]
    public void For_SameFindingSetInAnyOrderAndAddressCase_SameId()
    {
        Assert.Equal(EmailIds.For("Sam.Lee@example.org", EmailKinds.Digest, ["b", "a"]), EmailIds.For("sam.lee@example.org", EmailKinds.Digest, ["a", "b"]));
    }

    [Fact]
    public void For_OtherPersonKindOrSet_OtherId()
    {
        var id = EmailIds.For("sam.lee@example.org", EmailKinds.Digest, ["a"]);

        Assert.StartsWith("digest-", id, StringComparison.Ordinal);
        Assert.NotEqual(id, EmailIds.For("alex@example.org", EmailKinds.Digest, ["a"]));
        Assert.NotEqual(id, EmailIds.For("sam.lee@example.org", EmailKinds.Immediate, ["a"]));
        Assert.NotEqual(id, EmailIds.For("sam.lee@example.org", EmailKinds.Digest, ["a", "b"]));
    }
}
