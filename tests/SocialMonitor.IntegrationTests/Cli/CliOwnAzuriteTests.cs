using SocialMonitor.Local;
using System.Text.Json;
using SocialMonitor.Cli;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Cli;

/// <summary>
/// The CLI with <c>UseDevelopmentStorage=true</c> and no Azurite running: each command starts its own, keeping the data
/// in <c>.azurite/</c> of the working directory, and stops it so that it saves. The only test that uses the standard
/// ports 10000–10002 (it fails, saying so, when something else holds them).
/// </summary>
public sealed class CliOwnAzuriteTests : IDisposable
{
    private static readonly Dictionary<string, string> s_development = new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" };
    private readonly string _directory = Directory.CreateTempSubdirectory("socialmonitor-own-azurite-").FullName;

    [Fact]
    public async Task ImportThenList_InTwoProcesses_TheSecondSeesWhatTheFirstWrote()
    {
        Assert.False(CliHost.Listening(10000) || CliHost.Listening(10001) || CliHost.Listening(10002), "something already listens on 10000-10002");
        var file = Path.Combine(_directory, "accounts.json");
        await File.WriteAllTextAsync(file, SampleAccounts.Json, TestContext.Current.CancellationToken);

        var import = await CliProcess.RunAsync(s_development, _directory, "accounts", "import", file);
        var list = await CliProcess.RunAsync(s_development, _directory, "accounts", "list", "--format", "json");
        var add = await CliProcess.RunAsync(s_development, _directory, "approvals", "add", "--match", "domain",
            "--value", "eventbrite.com", "--approver", "coordinator@example.org");
        var approvals = await CliProcess.RunAsync(s_development, _directory, "approvals", "list", "--format", "json");

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("Starting Azurite", import.Stderr, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_directory, ".azurite"), import.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
        Assert.Equal(["cln-bookmobile-fb", "cln-hayden-fb"],
            JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal(0, add.ExitCode);
        Assert.Equal(JsonDocument.Parse(add.Stdout).RootElement.GetProperty("id").GetString(),
            Assert.Single(JsonDocument.Parse(approvals.Stdout).RootElement.EnumerateArray()).GetProperty("id").GetString());
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_directory, ".azurite")));
        Assert.False(CliHost.Listening(10000) || CliHost.Listening(10001) || CliHost.Listening(10002), "the CLI's Azurite is still running");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
