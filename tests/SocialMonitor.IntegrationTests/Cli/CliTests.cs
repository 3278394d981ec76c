using SocialMonitor.Local;
using System.Text.Json;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Cli;

/// <summary>The <c>socialmonitor</c> program itself, run as a child process against this class's Azurite.</summary>
public sealed class CliTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("socialmonitor-cli-").FullName;

    private Dictionary<string, string> Environment => new() { ["AzureWebJobsStorage"] = azurite.ConnectionString };

    [Fact]
    public async Task AccountsImport_InvalidFile_ListsEveryProblemWithItsPathAndExits1()
    {
        var file = Path.Combine(_directory, "accounts.json");
        await File.WriteAllTextAsync(file, SampleAccounts.Json.Replace("\"hayden\", \"name\"", "\"Hayden!\", \"name\"", StringComparison.Ordinal)
            .Replace("sam.lee@example.org", "sam.lee", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(Environment, _directory, "accounts", "import", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("$.locations[0].id:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("$.locations[0].managers[0].email:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task AccountsImportThenList_ValidFile_ListsAccountsAsJsonOnStdout()
    {
        await azurite.ResetAsync(TestContext.Current.CancellationToken);
        var file = Path.Combine(_directory, "accounts.json");
        await File.WriteAllTextAsync(file, SampleAccounts.Json, TestContext.Current.CancellationToken);

        var import = await CliProcess.RunAsync(Environment, _directory, "accounts", "import", file);
        var list = await CliProcess.RunAsync(Environment, _directory, "accounts", "list", "--format", "json");
        var findings = await CliProcess.RunAsync(Environment, _directory, "findings", "list", "--format", "jsonl");

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("bookmobile has 0 account managers (one to three are asked): the daily account review raises governance.managers.", import.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
        var accounts = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(["cln-bookmobile-fb", "cln-hayden-fb"], accounts);
        // The import raises nothing itself: governance.managers is the daily account review's (Review/AccountReviewTests).
        Assert.Equal(0, findings.ExitCode);
        Assert.Empty(findings.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task AccountsImport_OneProblem_SaysOneProblem()
    {
        var file = Path.Combine(_directory, "accounts.json");
        await File.WriteAllTextAsync(file, SampleAccounts.Json.Replace("sam.lee@example.org", "sam.lee", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(Environment, _directory, "accounts", "import", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("1 problem: nothing was imported.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountsImport_LocationRemovedFromTheFile_SaysWhoseAccessEnded()
    {
        await azurite.ResetAsync(TestContext.Current.CancellationToken);
        var file = Path.Combine(_directory, "accounts.json");
        await File.WriteAllTextAsync(file, SampleAccounts.Json, TestContext.Current.CancellationToken);
        await CliProcess.RunAsync(Environment, _directory, "accounts", "import", file);
        await File.WriteAllTextAsync(file, SampleAccounts.WithoutHayden, TestContext.Current.CancellationToken);

        var import = await CliProcess.RunAsync(Environment, _directory, "accounts", "import", file);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("Hayden (hayden) is no longer in the accounts file: access ended for sam.lee@example.org", import.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Scan__BackfillDays", "0", "scan", "--once")]
    [InlineData("AzureWebJobsStorage", "", "accounts", "list")]
    [InlineData("Mail__Mode", "Carrier-Pigeon", "work")]
    public async Task Command_BadSetting_StopsWithItsName(string setting, string value, params string[] command)
    {
        var environment = Environment;
        environment[setting] = value;

        var result = await CliProcess.RunAsync(environment, _directory, command);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(setting, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_BadSettingInLocalSettingsJson_StopsWithItsName()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "local.settings.json"),
            """{"IsEncrypted": false, "Values": {"Scan__CommentWindowDays": "-1"}}""", TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(Environment, _directory, "scan", "--once");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Scan__CommentWindowDays", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RelativePolicyPath_IsReadFromTheWorkingDirectory()
    {
        var policy = Path.Combine(_directory, "pol1");
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "policy"), "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(policy, Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "policy"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        var json = Path.Combine(policy, "policy.json");
        await File.WriteAllTextAsync(json, (await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken))
            .Replace("\"communitylibrary.net\"", "\"communitylibrary.net\", \"example.org\"", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var work = Directory.CreateDirectory(Path.Combine(_directory, "work")).FullName;
        var environment = new Dictionary<string, string> { ["Policy__Path"] = "../pol1/policy.json" };

        var withOwnPolicy = await CliProcess.RunAsync(environment, work, "check", "News at example.org/news", "--origin", "official");
        var withShipped = await CliProcess.RunAsync(new Dictionary<string, string>(), work, "check", "News at example.org/news", "--origin", "official");

        Assert.Equal(0, withOwnPolicy.ExitCode);
        Assert.Equal(2, withShipped.ExitCode);
    }

    [Fact]
    public async Task Serve_Urls_ServesTheApiThereUntilCtrlC()
    {
        var free = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        free.Start();
        var port = ((System.Net.IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        var url = $"http://127.0.0.1:{port}";
        var environment = Environment;
        environment["Api__Keys__0__Key"] = "serve-test-key-0123456789";
        environment["Api__Keys__0__Role"] = "Coordinator";
        environment["Api__Keys__0__Owner"] = "coordinator@example.org";
        var status = System.Net.HttpStatusCode.InternalServerError;

        var result = await CliProcess.RunUntilInterruptedAsync(environment, _directory, "Serving the API", async () =>
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            client.DefaultRequestHeaders.Add("X-Api-Key", "serve-test-key-0123456789");
            status = (await client.GetAsync("/api/accounts", TestContext.Current.CancellationToken)).StatusCode;
        }, "serve", "--urls", url);

        Assert.Contains($"Serving the API on {url}", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task CheckHelp_PointsAtNothingOutsideTheRepository()
    {
        var help = await CliProcess.RunAsync(new Dictionary<string, string>(), _directory, "check", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--input", help.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("DESIGN.md", help.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
