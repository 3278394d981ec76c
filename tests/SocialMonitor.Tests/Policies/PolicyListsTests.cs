using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Policies;

public sealed class PolicyListsTests
{
    public static TheoryData<string> ListFiles() => [.. ShippedPolicy.Value.Lists.Values];

    [Theory]
    [MemberData(nameof(ListFiles))]
    public void ShippedList_FirstLines_NameSourceAndLicence(string file)
    {
        var header = string.Join('\n', File.ReadLines(Path.Combine(AppContext.BaseDirectory, "policy", file)).TakeWhile(l => l.StartsWith('#')));

        Assert.Contains("Source:", header, StringComparison.Ordinal);
        Assert.Matches("CC-BY-4.0|MIT|SCOWL|Unicode", header);
    }

    [Fact]
    public void ShippedPolicy_Lists_AreLoadedAndTheWordListIsSensiblySized()
    {
        var policy = ShippedPolicy.Value;

        Assert.All(policy.Lists.Keys, name => Assert.NotEmpty(policy.List(name)));
        Assert.InRange(policy.List("english-words").Count, 20_000, 60_000);
    }
}
