using System.Text.Json;
using Azure.Data.Tables;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;
using SocialMonitor.Local;
using SocialMonitor.Local.Platforms.Facebook;

namespace SocialMonitor.IntegrationTests.Cli;

/// <summary><c>scan --once --dry-run --accounts FILE</c>, run as the real program against the loopback Graph API, with storage that does not exist.</summary>
public sealed class ScanCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("socialmonitor-scan-").FullName;

    [Fact]
    public async Task DryRun_TwoAccounts_EveryStdoutLineIsAnItemAsJsonAndTheCallsGoToStderr()
    {
        var server = Facebook();
        await using var host = await StartAsync(server);

        var result = await CliProcess.RunAsync(Environment(server), _directory, "scan", "--once", "--dry-run", "--accounts", AccountsFile());

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var items = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(PipelineData.ItemCount + (2 * PipelineData.AccountItemCount), items.Count);
        Assert.All(items, item => Assert.Equal("facebook", item.GetProperty("platform").GetString()));
        Assert.Equal(["comment", "post", "profile", "reply"], items.Select(i => i.GetProperty("kind").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(items, i => i.GetProperty("id").GetString() == "3_32" && i.GetProperty("parentId").GetString() == "3_31");
        Assert.Contains("API calls", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("posts 1", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(PipelineData.HaydenToken, result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Azurite", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_TruncatedAnswerForOneAccount_NamesPlatformAccountAndUrlWithoutTokenAndTheOtherGoesOn()
    {
        var server = Facebook();
        await using var host = await StartAsync(server);
        server.Truncate = request => request.Path.Value!.EndsWith("/104000000000099/feed", StringComparison.Ordinal);

        var result = await CliProcess.RunAsync(Environment(server), _directory, "scan", "--once", "--dry-run", "--accounts", AccountsFile());

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("104000000000098", JsonDocument.Parse(line).RootElement.GetProperty("id").GetString());
        Assert.Contains($"facebook account cln-hayden-fb: GET {server.BaseUrl}/v25.0/104000000000099/feed?", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("access_token", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(PipelineData.HaydenToken, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanOnce_RegisteredAccounts_PrintsItemsAndApiCallsPerAccountAndStreamOnStderrAndNothingOnStdout()
    {
        await azurite.ResetAsync(TestContext.Current.CancellationToken);
        var server = Facebook();
        await using var host = await StartAsync(server);
        var environment = Environment(server);
        environment["AzureWebJobsStorage"] = azurite.ConnectionString;
        await CliProcess.RunAsync(environment, _directory, "accounts", "import", AccountsFile());

        var first = await CliProcess.RunAsync(environment, _directory, "scan", "--once");
        var second = await CliProcess.RunAsync(environment, _directory, "scan", "--once");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal("", first.Stdout + second.Stdout);
        var hayden = first.Stderr.Split('\n').Single(l => l.StartsWith("cln-hayden-fb ", StringComparison.Ordinal));
        Assert.Contains("apps 1, comments 2, posts 1, profile 1, roles 1", hayden, StringComparison.Ordinal);
        var again = second.Stderr.Split('\n').Single(l => l.StartsWith("cln-hayden-fb ", StringComparison.Ordinal));
        Assert.Matches(@"cln-hayden-fb\s+facebook\s+\d+\s+0\s+1\s+posts 1", again);
    }

    /// <summary>The README's local workflow, each command as it names it: import, list, scan, work, findings, notify.</summary>
    [Fact]
    public async Task ReadmeWorkflow_EveryCommandRunsAsTheReadmeSays()
    {
        var ct = TestContext.Current.CancellationToken;
        await azurite.ResetAsync(ct);
        var server = Facebook();
        await using var host = await StartAsync(server);
        var environment = WithMail(server, bundleSeconds: 1);
        await CliProcess.RunAsync(environment, _directory, "accounts", "import", AccountsFile());

        var accounts = await CliProcess.RunAsync(environment, _directory, "accounts", "list");
        var scan = await CliProcess.RunAsync(environment, _directory, "scan", "--once");
        var work = await CliProcess.RunAsync(environment, _directory, "work");
        var all = await CliProcess.RunAsync(environment, _directory, "findings", "list", "--format", "jsonl");
        var found = all.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var location = found.Select(f => f.GetProperty("location").GetString()!).FirstOrDefault() ?? "hayden";
        var table = await CliProcess.RunAsync(environment, _directory, "findings", "list", "--location", location, "--status", "open");
        var digest = await CliProcess.RunAsync(environment, _directory, "notify", "digest");
        var resend = await CliProcess.RunAsync(environment, _directory, "notify", "resend", "immediate-000000000000000000000000");

        Assert.Equal(0, accounts.ExitCode);
        Assert.Contains("cln-hayden-fb", accounts.Stderr, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), (scan.ExitCode, work.ExitCode, all.ExitCode));
        Assert.NotEmpty(found);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("first seen (America/Los_Angeles)", table.Stderr, StringComparison.Ordinal);
        Assert.All(table.Stderr.Split('\n').Skip(2).Where(l => l.Trim().Length > 0 && !l.StartsWith("Log:", StringComparison.Ordinal)),
            row => Assert.StartsWith(location + " ", row, StringComparison.Ordinal));
        Assert.Equal(0, digest.ExitCode);
        Assert.Contains("digests and", digest.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, resend.ExitCode);
        Assert.Contains("there is no email immediate-000000000000000000000000", resend.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Work_ImmediateEmailsHeldForTheirBundle_WaitsForTheWindowAndSendsThemBeforeItEnds()
    {
        var ct = TestContext.Current.CancellationToken;
        await azurite.ResetAsync(ct);
        var server = Facebook();
        await using var host = await StartAsync(server);
        var environment = WithMail(server, bundleSeconds: 3);
        var everything = """, "notify": {"critical": "immediate", "high": "immediate", "medium": "immediate", "low": "immediate"}}""";
        var file = AccountsFile();
        await File.WriteAllTextAsync(file, SampleAccounts.Json.Replace("\"objectId\": null}", "\"objectId\": null" + everything, StringComparison.Ordinal), ct);
        await CliProcess.RunAsync(environment, _directory, "accounts", "import", file);
        await CliProcess.RunAsync(environment, _directory, "scan", "--once");

        var work = await CliProcess.RunAsync(environment, _directory, "work");

        Assert.Equal(0, work.ExitCode);
        Assert.Contains(" s for the immediate emails held to bundle findings (Mail__BundleSeconds)", work.Stderr, StringComparison.Ordinal);
        var outbox = new TableClient(azurite.ConnectionString, TableNames.Outbox);
        var immediate = await outbox.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Outbox.Partition} and Kind eq {EmailKinds.Immediate}"), cancellationToken: ct).ToListAsync(ct);
        Assert.NotEmpty(immediate);
        Assert.All(immediate, e => Assert.Equal(OutboxStates.Sent, e.GetString("State")));
        Assert.Equal(immediate.Count, Directory.GetFiles(Path.Combine(_directory, "mail"), "immediate-*.eml").Length);
    }

    [Fact]
    public async Task DryRun_WithoutAccountsFile_SaysSoAndExits1()
    {
        var result = await CliProcess.RunAsync(new Dictionary<string, string>(), _directory, "scan", "--once", "--dry-run");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--accounts FILE", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    private static FacebookGraph Facebook() => new(PipelineData.Data, new HashSet<string>([PipelineData.HaydenToken, PipelineData.BookmobileToken]));

    private static Task<LoopbackPlatformHost> StartAsync(FacebookGraph server) =>
        LoopbackPlatformHost.StartAsync([server], TestContext.Current.CancellationToken);

    /// <summary>Storage that does not exist: any use of it would fail the command.</summary>
    private static Dictionary<string, string> Environment(FacebookGraph server) => new()
    {
        ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=none;AccountKey=bm9uZQ==;BlobEndpoint=http://127.0.0.1:9/none;"
            + "QueueEndpoint=http://127.0.0.1:9/none;TableEndpoint=http://127.0.0.1:9/none;",
        ["Platforms__Facebook__BaseUrl"] = server.BaseUrl,
        ["Scan__BackfillDays"] = "36500",
        ["Scan__MaxWaitSeconds"] = "1",
        ["Tokens__cln-hayden-fb-token"] = PipelineData.HaydenToken,
        ["Tokens__cln-bookmobile-fb-token"] = PipelineData.BookmobileToken,
    };

    /// <summary>The test's Azurite, and emails as files in <c>mail/</c>, bundled for <paramref name="bundleSeconds"/>.</summary>
    private Dictionary<string, string> WithMail(FacebookGraph server, int bundleSeconds)
    {
        var environment = Environment(server);
        environment["AzureWebJobsStorage"] = azurite.ConnectionString;
        environment["Mail__Mode"] = "Files";
        environment["Mail__Directory"] = Path.Combine(_directory, "mail");
        environment["Mail__BundleSeconds"] = bundleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return environment;
    }

    private string AccountsFile()
    {
        var file = Path.Combine(_directory, "accounts.json");
        File.WriteAllText(file, SampleAccounts.Json);
        return file;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
