using System.Text.Json.Nodes;

namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>
/// The archive's immutability period and the retention hour are parameters of infra/main.bicep, evaluated offline with
/// <c>bicep snapshot</c>: off by default (no immutability policy, the run at 03), and set, the period and the hour as given.
/// </summary>
public sealed class RetentionTemplateTests(MainTemplateFixture main) : IClassFixture<MainTemplateFixture>
{
    private const string Policy = "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies";

    [Fact]
    public async Task Snapshot_Defaults_NoImmutabilityPolicyAndRetentionAtThree()
    {
        var resources = await TemplateSnapshot.PredictedAsync("");

        Assert.DoesNotContain(resources, r => TemplateSnapshot.Type(r) == Policy);
        Assert.False(Archive(resources)["properties"]!["immutableStorageWithVersioning"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("3", TemplateSnapshot.AppSettings(resources)["Retention__Hour"]!.GetValue<string>());
    }

    [Fact]
    public async Task Snapshot_ImmutabilityDaysAndRetentionHourSet_PolicyHasThePeriodAndTheAppTheHour()
    {
        var resources = await TemplateSnapshot.PredictedAsync("param archiveImmutabilityDays = 400\nparam retentionHour = 22");

        var policy = Assert.Single(resources, r => TemplateSnapshot.Type(r) == Policy);
        Assert.Equal(400, policy["properties"]!["immutabilityPeriodSinceCreationInDays"]!.GetValue<int>());
        Assert.True(Archive(resources)["properties"]!["immutableStorageWithVersioning"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("22", TemplateSnapshot.AppSettings(resources)["Retention__Hour"]!.GetValue<string>());
    }

    [Fact]
    public void Template_RetentionParameters_AreBoundedIntegers()
    {
        var parameters = main.Template.Parameters;

        Assert.Equal(("int", 0, 0), Bounds(parameters["archiveImmutabilityDays"]!));
        Assert.Equal(("int", 0, 3), Bounds(parameters["retentionHour"]!));
        Assert.Equal(23, parameters["retentionHour"]!["maxValue"]!.GetValue<int>());
    }

    private static (string Type, int Min, int Default) Bounds(JsonNode parameter) =>
        (parameter["type"]!.GetValue<string>(), parameter["minValue"]!.GetValue<int>(), parameter["defaultValue"]!.GetValue<int>());

    private static JsonNode Archive(IReadOnlyList<JsonNode> resources) =>
        Assert.Single(resources, r => TemplateSnapshot.Type(r) == "Microsoft.Storage/storageAccounts/blobServices/containers"
            && r["name"]!.GetValue<string>().EndsWith("/archive", StringComparison.Ordinal));
}
