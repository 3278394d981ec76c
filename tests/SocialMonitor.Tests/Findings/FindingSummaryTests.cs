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
            new("hayden", "conduct.profanity", "acknowledged", s_start, s_start.AddHours(1)),
            new("hayden", "pii.phone", "resolved", s_start, s_start.AddHours(3)),
            new("athol", "conduct.threat", "open", s_start, null),
            new("athol", "conduct.profanity", "dismissed", s_start, s_start.AddHours(4)),
        ];

        var summary = await FindingSummary.CountAsync(facts.ToAsyncEnumerable(), TestContext.Current.CancellationToken);

        Assert.Equal(4, summary.Total);
        Assert.Equal(new Dictionary<string, int> { ["athol"] = 2, ["hayden"] = 2 }, summary.ByLocation);
        Assert.Equal(new Dictionary<string, int> { ["conduct"] = 3, ["pii"] = 1 }, summary.ByFamily);
        Assert.Equal((1, 1, 1, 1, 0), (summary.ByStatus["open"], summary.ByStatus["acknowledged"], summary.ByStatus["resolved"], summary.ByStatus["dismissed"], summary.ByStatus["escalated"]));
        Assert.Equal((3, "PT3H", 10800d), (summary.Acknowledged, summary.MedianTimeToAcknowledge, summary.MedianTimeToAcknowledgeSeconds));
    }

    [Fact]
    public async Task CountAsync_NoneAcknowledged_HasNoMedian()
    {
        var summary = await FindingSummary.CountAsync(AsyncEnumerable.Empty<FindingFacts>(), TestContext.Current.CancellationToken);

        Assert.Equal((0, null, null), (summary.Total, summary.MedianTimeToAcknowledge, summary.MedianTimeToAcknowledgeSeconds));
    }
}
