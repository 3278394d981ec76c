using Microsoft.AspNetCore.Http;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Tests.Api;

public sealed class ApiQueryTests
{
    [Fact]
    public void New_UnknownParameter_Is400NamingIt()
    {
        var problem = Assert.Throws<ApiProblemException>(() => new ApiQuery(Request("?locaton=hayden"), "location"));

        Assert.Equal((400, ProblemTypes.InvalidParameter), (problem.Status, problem.Type));
        Assert.Contains("'locaton'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slugs_CommaSeparatedAndRepeated_AreOneList() =>
        Assert.Equal(["hayden", "rathdrum", "athol"], new ApiQuery(Request("?location=hayden,rathdrum&location=athol,hayden"), "location").Slugs("location"));

    [Theory]
    [InlineData("?location=Hayden")]
    [InlineData("?location=hay'den")]
    [InlineData("?location=hayden%20or%20x")]
    public void Slugs_NotASlug_Is400(string query) =>
        Assert.Throws<ApiProblemException>(() => new ApiQuery(Request(query), "location").Slugs("location"));

    [Theory]
    [InlineData("?from=2026-10-01", false, "2026-10-01T07:00:00+00:00")]
    [InlineData("?from=2026-10-01", true, "2026-10-02T07:00:00+00:00")]
    [InlineData("?from=2026-12-01", false, "2026-12-01T08:00:00+00:00")]
    [InlineData("?from=2026-10-01T08:30:00Z", true, "2026-10-01T08:30:00+00:00")]
    [InlineData("?from=2026-10-01T08:30:00-07:00", false, "2026-10-01T15:30:00+00:00")]
    public void Time_IsoDateOrTime_ADateIsItsWholeLibraryDay(string query, bool end, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            new ApiQuery(Request(query), "from").Time("from", TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"), end));

    [Theory]
    [InlineData("", 50)]
    [InlineData("?pageSize=1", 1)]
    [InlineData("?pageSize=200", 200)]
    public void PageSize_Valid_IsUsed(string query, int expected) => Assert.Equal(expected, new ApiQuery(Request(query), "pageSize").PageSize());

    [Theory]
    [InlineData("?pageSize=201")]
    [InlineData("?pageSize=-1")]
    [InlineData("?pageSize=1e2")]
    [InlineData("?pageSize=1&pageSize=2")]
    public void PageSize_Invalid_Is400(string query) => Assert.Throws<ApiProblemException>(() => new ApiQuery(Request(query), "pageSize").PageSize());

    [Theory]
    [InlineData("?format=csv", null, true)]
    [InlineData("?format=json", "text/csv", false)]
    [InlineData("", "text/csv", true)]
    [InlineData("", "text/csv;q=0.4, application/json", false)]
    [InlineData("", "*/*", false)]
    [InlineData("", null, false)]
    public void WantsCsv_FormatOrAccept_Decides(string query, string? accept, bool csv)
    {
        var request = Request(query);
        if (accept is not null)
        {
            request.Headers.Accept = accept;
        }

        Assert.Equal(csv, ApiOutput.WantsCsv(request, new ApiQuery(request, "format")));
    }

    private static HttpRequest Request(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }
}
