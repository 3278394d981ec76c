using SocialMonitor.Local;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Cli.Commands;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Api;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Cli;

/// <summary><c>health</c>, run as the real program on Azurite: the table on stderr, one account per line on stdout with <c>--format jsonl</c>.</summary>
public sealed class HealthCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("socialmonitor-health-").FullName;

    [Fact]
    public async Task Health_RegisteredAccounts_PrintsScanTokenAndCapabilitiesPerAccount()
    {
        var ct = TestContext.Current.CancellationToken;
        await azurite.ResetAsync(ct);
        await using (var services = TestHost.Create(azurite))
        {
            await ApiData.ImportAsync(services, ct);
            await services.GetRequiredService<CursorStore>().SetAsync("cln-rathdrum-fb", new StreamCursor(StreamNames.Posts) { ReadAt = TestHost.Start }, ct);
            var checks = await services.GetRequiredService<StorageClients>().TableAsync(TableNames.TokenChecks, ct);
            await checks.UpsertEntityAsync(new TableEntity("cln-rathdrum-fb", "token")
            {
                ["ExpiresAt"] = new DateTimeOffset(2099, 1, 31, 0, 0, 0, TimeSpan.Zero), ["CheckedAt"] = TestHost.Start, ["Valid"] = true,
            }, cancellationToken: ct);
        }
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = azurite.ConnectionString };

        var table = await CliProcess.RunAsync(environment, _directory, "health");
        var jsonl = await CliProcess.RunAsync(environment, _directory, "health", "--format", "jsonl");

        Assert.Equal((0, ""), (table.ExitCode, table.Stdout));
        var lines = table.Stderr.Split('\n');
        Assert.Matches(@"^cln-rathdrum-fb\s+facebook\s+rathdrum\s+ok\s+2026-10-15 18:00Z\s+valid until 2099-01-31\s+0\s+(✔\s+){6}cannot verify\s+cannot verify(\s+✔){8}$",
            Assert.Single(lines, l => l.StartsWith("cln-rathdrum-fb ", StringComparison.Ordinal)));
        Assert.Matches(@"^cln-hayden-ig\s+instagram\s+hayden\s+attention\s+never\s+not checked\s+0(\s+✔){7}\s+cannot verify\s+✔\s+cannot verify\s+cannot verify(\s+✔){3}\s+cannot verify\s+cannot verify$",
            Assert.Single(lines, l => l.StartsWith("cln-hayden-ig ", StringComparison.Ordinal)));
        Assert.Contains("note: facebook roles: people assigned only in Business Manager are not listed", table.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, jsonl.ExitCode);
        var accounts = jsonl.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["cln-bookmobile-fb", "cln-hayden-fb", "cln-hayden-ig", "cln-rathdrum-fb"], accounts.Select(a => a.GetProperty("account").GetString()));
        Assert.Equal(["altText", "captions"], accounts[1].GetProperty("cannotVerify").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["captions", "roles", "apps", "contacts", "hours"], accounts[2].GetProperty("cannotVerify").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Readme_CapabilityTable_HasARowPerPlatformAsItsClientDeclares()
    {
        await using var services = TestHost.Create(azurite);
        var clients = services.GetServices<IPlatformClient>().ToList();
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"), TestContext.Current.CancellationToken);

        Assert.Contains($"| platform | {string.Join(" | ", PlatformCapabilities.Names)} |", readme, StringComparison.Ordinal);
        foreach (var platform in PlatformNames.All)
        {
            var capabilities = clients.FirstOrDefault(c => c.Platform == platform)?.Capabilities ?? PlatformCapabilities.NotYet;
            Assert.Contains($"| {platform} | {string.Join(" | ", capabilities.All.Select(c => HealthCommand.State(c.Value)))} |", readme, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
