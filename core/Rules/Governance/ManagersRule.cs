using System.Globalization;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules.Governance;

/// <summary>
/// <c>governance.managers</c> (Staff use 3), on the daily review item of a location (kind <c>location</c>, platform
/// <see cref="Platform"/>, id the location id, so its finding is the one the accounts import used to raise): a location
/// with no account manager or more than three.
/// </summary>
public sealed class ManagersRule : IRule
{
    public const string Rule = "governance.managers";

    /// <summary>The platform of findings about the registry itself (a location's managers).</summary>
    public const string Platform = "registry";

    /// <summary>The location item's facts: its name and how many managers the registry has for it.</summary>
    public const string NameFact = "name";
    public const string ManagersFact = "managers";

    public string Family => "governance";

    public string Kind => ItemKinds.Location;

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        if (item.Kind != ItemKinds.Location || !int.TryParse(AccountFacts.Get(item, ManagersFact), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is >= 1 and <= 3)
        {
            yield break;
        }
        var name = AccountFacts.Get(item, NameFact) ?? item.Id;
        yield return new Detection(Rule, context.Policy.SeverityOf(Rule, Severities.Medium), Clauses.AccountManagers,
            $"{name} has {count} account managers", "managers",
            $"Each location has one to three account managers, and {name} has {count}: name them in the accounts file and import it again.");
    }
}
