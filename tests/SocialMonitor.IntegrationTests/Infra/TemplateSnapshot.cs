using System.Text.Json.Nodes;

namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>infra/main.bicep evaluated offline with <c>bicep snapshot</c>: the resources a deployment with given parameters would create.</summary>
internal static class TemplateSnapshot
{
    /// <summary>The resources a deployment would create with the required parameters and <paramref name="parameters"/>.</summary>
    public static async Task<IReadOnlyList<JsonNode>> PredictedAsync(string parameters)
    {
        var directory = Directory.CreateTempSubdirectory("socialmonitor-snapshot-");
        try
        {
            foreach (var file in Directory.GetFiles(MainTemplateFixture.InfraDirectory).Where(f => f.EndsWith(".bicep", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(directory.FullName, Path.GetFileName(file)));
            }
            var parametersFile = Path.Combine(directory.FullName, "test.bicepparam");
            await File.WriteAllTextAsync(parametersFile, $"""
                using './main.bicep'
                param environmentName = 'test'
                param authClientId = '00000000-0000-0000-0000-000000000001'
                param mailSender = 'monitor@example.org'
                {parameters}
                """, TestContext.Current.CancellationToken);

            var run = await BicepCli.SnapshotAsync(parametersFile);

            Assert.True(run.ExitCode == 0, "bicep snapshot failed: " + string.Join(Environment.NewLine, run.Problems));
            var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory.FullName, "test.snapshot.json"), TestContext.Current.CancellationToken))!;
            return [.. snapshot["predictedResources"]!.AsArray().Select(r => r!)];
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public static string Type(JsonNode resource) => resource["type"]!.GetValue<string>();

    public static JsonObject AppSettings(IReadOnlyList<JsonNode> resources) =>
        Assert.Single(resources, r => Type(r) == "Microsoft.Web/sites/config" && r["name"]!.GetValue<string>().EndsWith("/appsettings", StringComparison.Ordinal))["properties"]!.AsObject();
}
