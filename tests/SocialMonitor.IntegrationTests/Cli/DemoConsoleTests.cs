using SocialMonitor.Local;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Cli;

/// <summary><c>socialmonitor demo</c> as a person runs it: the results on the console, Azurite and the logs in a log file.</summary>
public sealed class DemoConsoleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("socialmonitor-demo-console-").FullName;

    [Fact]
    public async Task Demo_Console_ShowsResultsWithLogsInTheLogFile()
    {
        var result = await CliProcess.RunAsync(new Dictionary<string, string>(), _directory, "demo");

        Assert.Equal(0, result.ExitCode);
        var log = Path.Combine(_directory, "socialmonitor.log");
        Assert.Contains($"Log: {log}", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Azurite", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("warn:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" warn ", result.Stderr, StringComparison.Ordinal);
        var logged = await File.ReadAllTextAsync(log, TestContext.Current.CancellationToken);
        Assert.Contains("Azurite Blob service is successfully listening", logged, StringComparison.Ordinal);
        Assert.Matches(@"warn SocialMonitor\.Core\.Notifications\.Escalations: Escalated .* not acknowledged by 2026-10-1\dT\d\d:\d\d:\d\d-0[78]:00", logged);

        var table = result.Stderr[System.Text.RegularExpressions.Regex.Match(result.Stderr, @"(?m)^location +severity").Index..];
        Assert.Contains("first seen (America/Los_Angeles)", table, StringComparison.Ordinal);
        Assert.Contains("A phone number", table, StringComparison.Ordinal);
        Assert.DoesNotContain("pii.phone", table, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"' at \d+|[a-z] at \d+ ->", table);
        var rows = table.Split('\n').Skip(2).TakeWhile(l => l.Trim().Length > 0).Select(l => l.Split("  ", 2)[0].Trim()).ToList();
        Assert.True(rows.Count > 5, table);
        Assert.Equal(rows.Order(StringComparer.Ordinal), rows);
    }

    [Fact]
    public async Task Demo_Verbose_PutsAzuriteAndTheLogsOnStderr()
    {
        var result = await CliProcess.RunAsync(new Dictionary<string, string>(), _directory, "demo", "--verbose");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Azurite Blob service is successfully listening", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(" info SocialMonitor.", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "socialmonitor.log")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
