using System.Net;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Platforms.Facebook;

namespace SocialMonitor.Tests.Platforms.Facebook;

public sealed class FacebookUsageTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_AllThreeHeaders_TakesTheHighestPercentAndEveryEstimate()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-App-Usage", """{"call_count":28,"total_time":25,"total_cputime":91.5}""");
        response.Headers.Add("X-Page-Usage", """{"call_count":40,"total_time":10,"total_cputime":10}""");
        response.Headers.Add("X-Business-Use-Case-Usage",
            """{"111":[{"type":"pages","call_count":100,"total_cputime":10,"total_time":10,"estimated_time_to_regain_access":5}],"222":[{"type":"instagram","call_count":3}]}""");

        var usage = FacebookUsage.Read(response.Headers, "999");

        Assert.Equal(92, usage.AppPercent);
        Assert.Equal(new Dictionary<string, int> { ["999"] = 40, ["111"] = 100, ["222"] = 3 }, usage.ObjectPercent);
        Assert.Equal(TimeSpan.FromMinutes(5), usage.LongestWait);
    }

    [Fact]
    public void Read_NoOrBadHeaders_MeansLowUsage()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation("X-App-Usage", "not json");

        var usage = FacebookUsage.Read(response.Headers, "999");

        Assert.Equal((0, 0, (TimeSpan?)null), (usage.AppPercent, usage.ObjectPercent.Count, usage.LongestWait));
    }

    [Fact]
    public void HoldFor_EstimateForOnePage_HoldsThatPageOnlyUntilTheTimeComes()
    {
        var time = new FakeTimeProvider(Now);
        var gate = new FacebookUsageGate(time);
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-Business-Use-Case-Usage", """{"111":[{"type":"pages","call_count":99,"estimated_time_to_regain_access":2}]}""");

        gate.Observe(response.Headers, "111");
        var held = gate.HoldFor("111");
        var other = gate.HoldFor("222");
        time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(TimeSpan.FromMinutes(2), held);
        Assert.Null(other);
        Assert.Null(gate.HoldFor("111"));
    }

    [Fact]
    public void HoldFor_AppUsageAtTheLimit_HoldsEveryPageForTheAppRest()
    {
        var gate = new FacebookUsageGate(new FakeTimeProvider(Now));
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-App-Usage", """{"call_count":100,"total_time":20,"total_cputime":20}""");

        gate.Observe(response.Headers, "111");

        Assert.Equal(FacebookUsageGate.AppRest, gate.HoldFor("222"));
    }
}
