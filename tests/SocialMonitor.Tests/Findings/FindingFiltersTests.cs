using SocialMonitor.Core.Findings;

namespace SocialMonitor.Tests.Findings;

public sealed class FindingFiltersTests
{
    [Fact]
    public void For_InjectedValues_AreQuotedLiterals()
    {
        var query = new FindingQuery(["x"], "open' or Status ne '") { Rules = ["a' or RowKey ne '"], Accounts = ["b", "c"] };

        var filter = FindingFilters.For(query, "hayden' or PartitionKey ne '", null);

        Assert.Equal(
            "PartitionKey eq 'hayden'' or PartitionKey ne ''' and (Status eq 'open'' or Status ne ''') and (Account eq 'b' or Account eq 'c') and (Rule eq 'a'' or RowKey ne ''')",
            filter);
    }

    [Fact]
    public void For_TimeRangeAndPosition_AreRowKeyBounds()
    {
        var from = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var query = new FindingQuery(["hayden"], null) { From = from, To = from.AddDays(1) };

        var filter = FindingFilters.For(query, "hayden", "after");

        Assert.Equal(
            $"PartitionKey eq 'hayden' and RowKey gt 'after' and RowKey ge '{DateTimeOffset.MaxValue.UtcTicks - from.AddDays(1).UtcTicks + 1:D19}' and RowKey lt '{DateTimeOffset.MaxValue.UtcTicks - from.UtcTicks + 1:D19}'",
            filter);
    }
}
