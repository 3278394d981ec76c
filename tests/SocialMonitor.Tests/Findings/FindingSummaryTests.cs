using SocialMonitor.Core.Findings;

namespace SocialMonitor.Tests.Findings;

public sealed class FindingSummaryTests
{
    private static readonly DateTimeOffset s_start = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CountAsync_Findings_CountsAndTakesTheMedianWait()
    {
        FindingFacts[] facts =
        [
            new("hayden", "cln-hayden-fb", "conduct.profanity", "medium", "acknowledged", s_start, s_start.AddHours(1)),
            new("hayden", "cln-hayden-fb", "pii.phone", "high", "resolved", s_start, s_start.AddHours(3)),
            new("athol", "cln-athol-fb", "conduct.threat", "critical", "open", s_start, null),
            new("athol", null, "conduct.profanity", "medium", "dismissed", s_start, s_start.AddHours(4)),
        ];

        var summary = await FindingSummary.CountAsync(facts.ToAsyncEnumerable(), TestContext.Current.CancellationToken);

        Assert.Equal(4, summary.Total);
        Assert.Equal(new Dictionary<string, int> { ["athol"] = 2, ["hayden"] = 2 }, summary.ByLocation);
        Assert.Equal(new Dictionary<string, int> { ["conduct"] = 3, ["pii"] = 1 }, summary.ByFamily);
        Assert.Equal((1, 1, 1, 1, 0), (summary.ByStatus["open"], summary.ByStatus["acknowledged"], summary.ByStatus["resolved"], summary.ByStatus["dismissed"], summary.ByStatus["escalated"]));
        Assert.Equal((3, "PT3H", 10800d), (summary.TakenUp, summary.MedianTimeToAcknowledge, summary.MedianTimeToAcknowledgeSeconds));
        Assert.Equal(new Dictionary<string, int> { ["critical"] = 1, ["high"] = 1, ["medium"] = 2, ["low"] = 0 }, summary.BySeverity);
        Assert.Equal(new Dictionary<string, int> { ["conduct.profanity"] = 2, ["conduct.threat"] = 1, ["pii.phone"] = 1 }, summary.ByRule);
        Assert.Equal(new Dictionary<string, int> { ["(none)"] = 1, ["cln-athol-fb"] = 1, ["cln-hayden-fb"] = 2 }, summary.ByAccount);
        Assert.Contains(("severity", "medium", "2"), summary.Rows());
        Assert.Contains(("takenUp", "", "3"), summary.Rows());
    }

    [Fact]
    public async Task CountAsync_NoneAcknowledged_HasNoMedian()
    {
        var summary = await FindingSummary.CountAsync(AsyncEnumerable.Empty<FindingFacts>(), TestContext.Current.CancellationToken);

        Assert.Equal((0, null, null), (summary.Total, summary.MedianTimeToAcknowledge, summary.MedianTimeToAcknowledgeSeconds));
    }
}
