using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;
using SocialMonitor.Core.Platforms.Facebook;

namespace SocialMonitor.Tests.Platforms.Facebook;

public sealed class FacebookRetryTests
{
    private const string Page = "104000000000099";

    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(4, 403)]
    [InlineData(17, 400)]
    [InlineData(32, 403)]
    [InlineData(613, 400)]
    [InlineData(80001, 400)]
    [InlineData(80014, 403)]
    public void Wait_ThrottleCodeOn400Or403_RetriesWithBackOff(int code, int status)
    {
        using var response = Response(status, code);

        var wait = FacebookRetry.Wait(response, FacebookError.Parse(Body(code)), null, attempt: 1, Page, Time);

        Assert.InRange(wait!.Value, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(190)]
    [InlineData(100)]
    [InlineData(10)]
    [InlineData(200)]
    [InlineData(80015)]
    public void Wait_NotTransient_NoRetry(int code)
    {
        using var response = Response(400, code);

        Assert.Null(FacebookRetry.Wait(response, FacebookError.Parse(Body(code)), null, 0, Page, Time));
    }

    [Fact]
    public void Wait_BusinessUseCaseHeaderWithEstimate_WaitsThoseMinutes()
    {
        using var response = Response(400, 80001);
        response.Headers.Add("X-Business-Use-Case-Usage",
            $$"""{"{{Page}}":[{"type":"pages","call_count":100,"total_cputime":5,"total_time":7,"estimated_time_to_regain_access":12}]}""");

        Assert.Equal(TimeSpan.FromMinutes(12), FacebookRetry.Wait(response, FacebookError.Parse(Body(80001)), null, 0, Page, Time));
    }

    [Fact]
    public void Wait_PageUsageHeaderWithEstimate_WaitsThoseMinutes()
    {
        using var response = Response(403, 32);
        response.Headers.Add("X-Page-Usage", """{"call_count":100,"total_cputime":5,"total_time":7,"estimated_time_to_regain_access":3}""");

        Assert.Equal(TimeSpan.FromMinutes(3), FacebookRetry.Wait(response, FacebookError.Parse(Body(32)), null, 0, Page, Time));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(408)]
    [InlineData(429)]
    public void Wait_TransientStatus_RetriesAndHonoursRetryAfter(int status)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("") };
        response.Headers.Add("Retry-After", "17");

        Assert.Equal(TimeSpan.FromSeconds(17), FacebookRetry.Wait(response, null, null, 3, Page, Time));
    }

    [Fact]
    public void Wait_RetryAfterDateWithoutTheAnswersDate_IsCountedFromTheTimeProvider()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("") };
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(Time.GetUtcNow().AddSeconds(40));

        Assert.Equal(TimeSpan.FromSeconds(40), FacebookRetry.Wait(response, null, null, 0, Page, Time));
    }

    [Fact]
    public void Wait_RetryAfterDateAlreadyPast_BacksOff()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("") };
        response.Headers.Date = Time.GetUtcNow();
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(Time.GetUtcNow().AddSeconds(-40));

        Assert.InRange(FacebookRetry.Wait(response, null, null, 0, Page, Time)!.Value, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public void Wait_LostConnectionOrTimeout_RetriesWithBackOff()
    {
        Assert.InRange(FacebookRetry.Wait(null, null, new HttpRequestException("reset"), 0, Page, Time)!.Value, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.5));
        Assert.NotNull(FacebookRetry.Wait(null, null, new TimeoutRejectedException(), 0, Page, Time));
        Assert.Null(FacebookRetry.Wait(null, null, new InvalidOperationException(), 0, Page, Time));
    }

    [Fact]
    public void Wait_TransientFlagOnAnotherCode_Retries()
    {
        using var response = Response(400, 2);

        Assert.NotNull(FacebookRetry.Wait(response, new FacebookError(2, null, "Service temporarily unavailable", IsTransient: true), null, 0, Page, Time));
    }

    private static string Body(int code) =>
        $$$"""{"error":{"message":"(#{{{code}}}) limit","type":"OAuthException","code":{{{code}}},"fbtrace_id":"A1"}}""";

    private static HttpResponseMessage Response(int status, int code) =>
        new((HttpStatusCode)status) { Content = new StringContent(Body(code), Encoding.UTF8, "application/json") };
}
