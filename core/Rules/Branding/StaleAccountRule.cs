using System.Globalization;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules.Branding;

/// <summary>
/// <c>branding.stale</c>: an account (the daily account review's <c>account</c> item) whose latest official post
/// (<c>lastOfficialPostAt</c>) is more than <c>branding.maxDaysWithoutPost</c> days before the evaluation, or, when the
/// record holds no official post at all, whose posts have been read to the end since longer than that
/// (<c>noOfficialPostSince</c>: a new account that never posts is stale once the monitor has watched it that long).
/// When neither is known (the facts are absent or not times), nothing is said. The finding stays one finding while the
/// account stays silent (its evidence key is the day of that last post, or of the start of the reads), and is resolved
/// by the first review after a new post.
/// </summary>
public sealed class StaleAccountRule : IRule
{
    public const string Rule = "branding.stale";

    public string Family => "branding";

    public string Kind => ItemKinds.Account;

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        if (item.Kind != ItemKinds.Account)
        {
            yield break;
        }
        var max = context.Policy.Branding.MaxDaysWithoutPost;
        if (Time(item, ProfileFacts.LastOfficialPostAt) is { } last)
        {
            var days = DaysBefore(context, last);
            if (days > max)
            {
                var day = Day(context, last);
                yield return Stale(context, days, $"since:{day}", string.Create(CultureInfo.InvariantCulture,
                    $"no official post for {days} days (the last on {day}); at most {max} allowed"));
            }
        }
        else if (Time(item, ProfileFacts.NoOfficialPostSince) is { } since && DaysBefore(context, since) is var days && days > max)
        {
            var day = Day(context, since);
            yield return Stale(context, days, $"none-since:{day}", string.Create(CultureInfo.InvariantCulture,
                $"no official post in the {days} days the monitor has read the account (since {day}); at most {max} allowed"));
        }
    }

    private static DateTimeOffset? Time(Item item, string fact) =>
        DateTimeOffset.TryParse(BrandingFacts.Fact(item, fact), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;

    private static int DaysBefore(RuleContext context, DateTimeOffset time) => (int)Math.Floor((context.Now - time).TotalDays);

    private static string Day(RuleContext context, DateTimeOffset time) =>
        context.Policy.LocalDate(time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Detection Stale(RuleContext context, int days, string key, string evidence) =>
        new(Rule, context.Policy.SeverityOf(Rule, Severities.Low), Clauses.CurrentInformation, evidence, key,
            string.Create(CultureInfo.InvariantCulture, $"An account with no post for {days} days looks abandoned and may show old information. Post again, or ask the coordinator whether to close it."));
}
