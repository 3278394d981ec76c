using System.Globalization;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules.Branding;

/// <summary>
/// <c>branding.stale</c>: an account (the daily account review's <c>account</c> item) whose latest official post
/// (<c>lastOfficialPostAt</c>) is more than <c>branding.maxDaysWithoutPost</c> days before the evaluation. When the time
/// of the latest post is unknown (the fact is absent or not a time), nothing is said. The finding stays one finding
/// while the account stays silent (its evidence key is the day of that last post), and is resolved by the first
/// review after a new post.
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
        if (item.Kind != ItemKinds.Account
            || !DateTimeOffset.TryParse(BrandingFacts.Fact(item, ProfileFacts.LastOfficialPostAt), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var last))
        {
            yield break;
        }
        var max = context.Policy.Branding.MaxDaysWithoutPost;
        var days = (int)Math.Floor((context.Now - last).TotalDays);
        if (days <= max)
        {
            yield break;
        }
        var day = context.Policy.LocalDate(last).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        yield return new Detection(Rule, context.Policy.SeverityOf(Rule, Severities.Low), Clauses.CurrentInformation,
            string.Create(CultureInfo.InvariantCulture, $"no official post for {days} days (the last on {day}); at most {max} allowed"),
            $"since:{day}",
            string.Create(CultureInfo.InvariantCulture, $"An account with no post for {days} days looks abandoned and may show old information. Post again, or ask the coordinator whether to close it."));
    }
}
