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
        Assert.Contains("governance.managers (bookmobile)", import.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
        var accounts = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(["cln-bookmobile-fb", "cln-hayden-fb"], accounts);
        var lines = findings.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("governance.managers", JsonDocument.Parse(Assert.Single(lines)).RootElement.GetProperty("rule").GetString());
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

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
