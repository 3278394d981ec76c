using System.Text.Json;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Functions;

/// <summary>
/// The contract between our trigger classes and the host: the generated functions.metadata, compared with literal
/// strings written here, so that a renamed queue, schedule or route cannot slip through.
/// </summary>
public sealed class FunctionsMetadataTests
{
    public static TheoryData<string, string, string?> Bindings => new()
    {
        { "ScanTimer", "timerTrigger", "%ScanSchedule%" },
        { "TokenCheckTimer", "timerTrigger", "0 0 6 * * *" },
        { "ScanAccount", "queueTrigger", "scan-account" },
        { "EvaluateItem", "queueTrigger", "evaluate-item" },
        { "Notify", "queueTrigger", "notify" },
        { "ScanAccountPoison", "queueTrigger", "scan-account-poison" },
        { "EvaluateItemPoison", "queueTrigger", "evaluate-item-poison" },
        { "NotifyPoison", "queueTrigger", "notify-poison" },
        { "FindingsList", "httpTrigger", "api/findings" },
        { "FindingsGet", "httpTrigger", "api/findings/{id}" },
        { "DigestTimer", "timerTrigger", "%DigestSchedule%" },
        { "AccountReviewTimer", "timerTrigger", "0 5 * * * *" },
        { "SendEmail", "queueTrigger", "send-email" },
        { "SendEmailPoison", "queueTrigger", "send-email-poison" },
        { "FindingsSummary", "httpTrigger", "api/findings/summary" },
        { "FindingsTrends", "httpTrigger", "api/findings/trends" },
        { "FindingsDisposition", "httpTrigger", "api/findings/{id}/disposition" },
        { "AuditList", "httpTrigger", "api/audit" },
        { "AccountsList", "httpTrigger", "api/accounts" },
        { "Health", "httpTrigger", "api/health" },
        { "ApprovalsList", "httpTrigger", "api/approvals/{kind}" },
        { "ApprovalsAdd", "httpTrigger", "api/approvals/{kind}" },
        { "ApprovalsRevoke", "httpTrigger", "api/approvals/{kind}/{id}" },
        { "OpenApi", "httpTrigger", "api/openapi.json" },
        { "FindingsBulkDisposition", "httpTrigger", "api/findings/dispositions" },
        { "ItemsGet", "httpTrigger", "api/items/{id}" },
        { "Session", "httpTrigger", "api/session" },
        { "Page", "httpTrigger", "{*path}" },
        { "RecordsExport", "httpTrigger", "api/records/export" },
        { "HoldsList", "httpTrigger", "api/records/holds" },
        { "HoldsPlace", "httpTrigger", "api/records/holds" },
        { "HoldsLift", "httpTrigger", "api/records/holds/{id}" },
        { "RetentionTimer", "timerTrigger", "0 30 * * * *" },
    };

    [Theory]
    [MemberData(nameof(Bindings))]
    public void Metadata_Function_HasExactTrigger(string function, string triggerType, string? value)
    {
        var trigger = Trigger(function);

        Assert.Equal(triggerType, trigger.GetProperty("type").GetString());
        var key = triggerType switch { "timerTrigger" => "schedule", "queueTrigger" => "queueName", _ => "route" };
        Assert.Equal(value, trigger.GetProperty(key).GetString());
        if (triggerType == "httpTrigger")
        {
            Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
        }
    }

    [Fact]
    public void Metadata_AllFunctions_AreExactlyTheKnownOnes()
    {
        var names = Functions().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal);

        Assert.Equal(Bindings.Select(row => (string)row.Data.Item1).Order(StringComparer.Ordinal), names);
    }

    private static JsonElement Trigger(string function) =>
        Functions().Single(f => f.GetProperty("name").GetString() == function)
            .GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    internal static JsonElement[] Functions()
    {
        var path = Path.Combine(RepositoryPaths.Root, "functions", "bin", RepositoryPaths.Configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build the functions project first (the test project references it).");
        return [.. JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
