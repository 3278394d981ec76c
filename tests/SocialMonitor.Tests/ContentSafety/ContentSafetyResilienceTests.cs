using System.Net;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Timeout;
using SocialMonitor.Core.ContentSafety;

namespace SocialMonitor.Tests.ContentSafety;

public sealed class ContentSafetyResilienceTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, 0, 1.0)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 2, 4.0)]
    [InlineData(HttpStatusCode.BadRequest, 0, null)]
    [InlineData(HttpStatusCode.Unauthorized, 0, null)]
    [InlineData(HttpStatusCode.Forbidden, 0, null)]
    public void Wait_ByStatus_BacksOffOnServerErrorsOnly(HttpStatusCode status, int attempt, double? seconds)
    {
        using var response = new HttpResponseMessage(status);

        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, ContentSafetyResilience.Wait(Outcome.FromResult(response), attempt, Time));
    }

    [Fact]
    public void Wait_429WithRetryAfterSeconds_WaitsThatLong()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(12));

        Assert.Equal(TimeSpan.FromSeconds(12), ContentSafetyResilience.Wait(Outcome.FromResult(response), 0, Time));
    }

    [Fact]
    public void Wait_429WithRetryAfterDate_WaitsUntilThen()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(Time.GetUtcNow().AddSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), ContentSafetyResilience.Wait(Outcome.FromResult(response), 0, Time));
    }

    [Fact]
    public void Wait_429WithRetryAfterDateAndTheAnswersDate_CountsFromTheAnswersDate()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Date = Time.GetUtcNow().AddMinutes(-10); // The service's clock is behind ours.
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(Time.GetUtcNow().AddMinutes(-10).AddSeconds(20));

        Assert.Equal(TimeSpan.FromSeconds(20), ContentSafetyResilience.Wait(Outcome.FromResult(response), 0, Time));
    }

    [Fact]
    public void Wait_429LongerThanTheMaximum_IsNotRetried()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(5));

        Assert.Null(ContentSafetyResilience.Wait(Outcome.FromResult(response), 0, Time));
    }

    [Fact]
    public void Wait_TimeoutOrConnectionFailure_BacksOff()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), ContentSafetyResilience.Wait(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), 1, Time));
        Assert.Equal(TimeSpan.FromSeconds(1), ContentSafetyResilience.Wait(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("refused")), 0, Time));
    }
}
