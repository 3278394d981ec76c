using SocialMonitor.Local;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Pipeline;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Cli;

/// <summary><c>items history ID</c>, run as the real program on the Azurite the scans wrote to.</summary>
public sealed class ItemsCommandsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("socialmonitor-items-").FullName;

    [Fact]
    public async Task History_EditedPost_ListsBothVersionsAndTheEditOnStdoutAsJsonAndAsATableOnStderr()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var run = await PipelineRun.StartAsync(azurite, ct))
        {
            var scanner = run.Services.GetRequiredService<AccountScanner>();
            await scanner.ScanAsync(new ScanAccountMessage("cln-hayden-fb"), ct);
            run.Facebook.Update("104000000000099_2", post => post["message"] = "New hours start Monday: https://www.communitylibrary.net/hours");
            run.Time.Advance(TimeSpan.FromMinutes(15));
            await scanner.ScanAsync(new ScanAccountMessage("cln-hayden-fb"), ct);
        }
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = azurite.ConnectionString };

        var jsonl = await CliProcess.RunAsync(environment, _directory, "items", "history", "104000000000099_2", "--format", "jsonl");
        var table = await CliProcess.RunAsync(environment, _directory, "items", "history", "104000000000099_2");
        var unknown = await CliProcess.RunAsync(environment, _directory, "items", "history", "104000000000099_404");

        Assert.Equal(0, jsonl.ExitCode);
        var entries = jsonl.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, entries.Count);
        Assert.Equal("New hours start Monday: communitylibrary.net/hours", entries[0].GetProperty("item").GetProperty("text").GetString());
        Assert.Equal(2, entries[1].GetProperty("version").GetInt32());
        Assert.Equal("edited", entries[2].GetProperty("event").GetString());
        Assert.Equal("", table.Stdout);
        Assert.Contains("edited", table.Stderr, StringComparison.Ordinal);
        Assert.Contains("v1 -> v2", table.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no item 104000000000099_404", unknown.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
