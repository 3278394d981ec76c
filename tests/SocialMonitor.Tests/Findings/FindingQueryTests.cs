using SocialMonitor.Core.Findings;

namespace SocialMonitor.Tests.Findings;

public sealed class FindingQueryTests
{
    [Fact]
    public void Hash_SameFiltersInAnotherOrder_IsTheSame() =>
        Assert.Equal(
            new FindingQuery(["hayden", "athol"], null) { Rules = ["a.b", "c.d"], Statuses = ["open"] }.Hash(),
            new FindingQuery(["athol", "hayden", "athol"], "open") { Rules = ["c.d", "a.b"] }.Hash());

    [Fact]
    public void Hash_AnyFilterChanged_Differs()
    {
        var basis = new FindingQuery(["hayden"], null);
        FindingQuery[] others =
        [
            basis with { Locations = ["athol"] }, basis with { Status = "open" }, basis with { Accounts = ["a"] }, basis with { Platforms = ["x"] },
            basis with { Families = ["pii"] }, basis with { Rules = ["pii.phone"] }, basis with { Severities = ["low"] },
            basis with { From = DateTimeOffset.UnixEpoch }, basis with { To = DateTimeOffset.UnixEpoch },
        ];

        Assert.Equal(others.Length + 1, others.Select(q => q.Hash()).Append(basis.Hash()).Distinct().Count());
    }
}
