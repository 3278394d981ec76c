using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Http;

namespace SocialMonitor.Tests.Http;

public sealed class RetryAfterTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Read_Seconds_AreTheWait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "17");

        Assert.Equal(TimeSpan.FromSeconds(17), RetryAfter.Read(response, Time));
    }

    [Fact]
    public void Read_DateWithTheAnswersDate_IsCountedFromTheAnswersDate()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        // The server's clock is an hour behind ours: its own Date says how far away its Retry-After is.
        response.Headers.Date = Time.GetUtcNow().AddHours(-1);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Time.GetUtcNow().AddHours(-1).AddSeconds(45));

        Assert.Equal(TimeSpan.FromSeconds(45), RetryAfter.Read(response, Time));
    }

    [Fact]
    public void Read_DateWithoutTheAnswersDate_IsCountedFromTheTimeProvider()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        // A date years from the system clock's now: only the injected clock gives 90 seconds.
        response.Headers.TryAddWithoutValidation("Retry-After", "Thu, 03 Dec 2026 09:01:30 GMT");

        Assert.Equal(TimeSpan.FromSeconds(90), RetryAfter.Read(response, new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void Read_DateAlreadyPast_IsNoWait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Time.GetUtcNow().AddMinutes(-5));

        Assert.Equal(TimeSpan.Zero, RetryAfter.Read(response, Time));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    public void Read_NoOrUnreadableHeader_IsNull(string? value)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (value is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", value);
        }

        Assert.Null(RetryAfter.Read(response, Time));
        Assert.Null(RetryAfter.Read(null, Time));
    }
}
