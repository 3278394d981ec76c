using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Records;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Records;

/// <summary>The policy's retention periods as read and checked, and which records a hold's scope meets.</summary>
public sealed class RetentionPolicyTests
{
    private const string Minimal = """{"timeZone":"America/Los_Angeles","ownDomains":["communitylibrary.net"],"allowedTopLevelDomains":["gov"],"contacts":{}""";

    private static readonly TimeZoneInfo s_zone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Fact]
    public void Load_ShippedPolicy_SetsNoRetention()
    {
        Assert.False(ShippedPolicy.Value.Retention.Any);
        Assert.Equal(new RetentionPolicy(), ShippedPolicy.Value.Retention);
    }

    [Fact]
    public void Parse_RetentionPeriods_AreReadPerSeries()
    {
        var policy = PolicyLoader.Parse(Minimal + ""","retention":{"items":2555,"emails":1095,"audit":3650}}""", "policy.json");

        Assert.Equal((2555, (int?)null, 1095, (int?)null, 3650),
            (policy.Retention.Items, policy.Retention.RawAnswers, policy.Retention.Emails, policy.Retention.Findings, policy.Retention.Audit));
    }

    [Theory]
    [InlineData(""","retention":{"items":0}}""", "$.retention.items")]
    [InlineData(""","retention":{"findings":"7 years"}}""", "$.retention.findings")]
    [InlineData(""","retention":{"posts":30}}""", "$.retention")]
    public void Parse_BadRetention_NamesTheField(string rest, string field)
    {
        var error = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(Minimal + rest, "policy.json"));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hayden", null, true)]
    [InlineData("rathdrum", null, false)]
    [InlineData(null, null, true)] // Unknown location: when in doubt, kept.
    [InlineData("hayden", "cln-hayden-fb", true)]
    [InlineData("hayden", "cln-hayden-ig", false)]
    public void Meets_LocationAndAccount_MatchWhereBothNameOne(string? location, string? account, bool meets)
    {
        var hold = Hold() with { Location = "hayden", Account = "cln-hayden-fb" };
        var at = new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(meets, hold.Meets(new RecordScope(location, account, at, at), s_zone));
    }

    [Theory]
    [InlineData("2026-09-30T23:00:00-07:00", false)] // The evening before the first day, local time.
    [InlineData("2026-10-01T00:00:00-07:00", true)]
    [InlineData("2026-10-31T23:59:00-07:00", true)] // The last day is inclusive.
    [InlineData("2026-11-01T00:30:00-07:00", false)]
    public void Meets_DateRange_IsTheDistrictsLocalDaysInclusive(string time, bool meets)
    {
        var hold = Hold() with { From = new DateOnly(2026, 10, 1), To = new DateOnly(2026, 10, 31) };
        var at = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(meets, hold.Meets(new RecordScope("athol", null, at, at), s_zone));
    }

    private static LegalHold Hold() => new()
    {
        Id = "hold-0123456789ab", Reason = "PRR-2026-118", PlacedBy = "coordinator@example.org", PlacedAt = DateTimeOffset.UnixEpoch,
    };
}
