using System.Net.Http.Json;
using System.Text.Json;
using Azure;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Api;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Findings;

/// <summary>Issue 16, defect 2: a change whose index write failed is completed by its retry.</summary>
public sealed class FindingIndexRepairTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResolveBySystemAsync_IndexWriteFailsOnce_RetryRepairsTheIndex_ApiGetListAndSummaryAgree()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        var fault = new FailingStorageWrite(TableNames.FindingsByTime);
        await using var services = TestHost.Create(azurite, ApiHost.Settings(azurite.ConnectionString),
            configure: s => s.AddSingleton<HttpPipelinePolicy>(fault));
        var finding = ApiData.Findings[5]; // capture.token-expiring at hayden
        await services.GetRequiredService<FindingStore>().TryAddAsync(finding, Ct);
        var lifecycle = services.GetRequiredService<FindingLifecycle>();

        fault.Remaining = 1;
        await Assert.ThrowsAsync<RequestFailedException>(() => lifecycle.ResolveBySystemAsync("hayden", finding.Id, "the token was renewed", Ct));
        await lifecycle.ResolveBySystemAsync("hayden", finding.Id, "the token was renewed", Ct); // The retry.

        using var client = api.Client(ApiHost.CoordinatorKey);
        var one = await client.GetFromJsonAsync<JsonElement>($"/api/findings/{finding.Id}", Ct);
        var open = await client.GetFromJsonAsync<JsonElement>("/api/findings?status=open&location=hayden", Ct);
        var summary = await client.GetFromJsonAsync<JsonElement>("/api/findings/summary?location=hayden&status=open", Ct);
        Assert.Equal(1, fault.Failed);
        Assert.Equal(FindingStatuses.Resolved, one.GetProperty("status").GetString());
        Assert.DoesNotContain(open.GetProperty("items").EnumerateArray(), f => f.GetProperty("id").GetString() == finding.Id);
        Assert.False(summary.GetProperty("byFamily").TryGetProperty("capture", out _), summary.GetRawText());
    }
}
