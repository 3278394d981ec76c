using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Cli;

/// <summary><c>socialmonitor notify ...</c> run as a child process.</summary>
public sealed class NotifyCommandsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("socialmonitor-notify-").FullName;

    [Fact]
    public async Task NotifyTest_FilesMode_WritesOneTestEmailToTheAddressAndExits0()
    {
        var outbox = Path.Combine(_directory, "mail");

        var result = await CliProcess.RunAsync(new Dictionary<string, string> { ["Mail__Mode"] = "Files", ["Mail__Directory"] = outbox },
            _directory, "notify", "test", "--to", "it-desk@example.org");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("to it-desk@example.org through files in", result.Stderr, StringComparison.Ordinal);
        var email = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(outbox, "test-*.eml")), TestContext.Current.CancellationToken);
        Assert.Contains("To: it-desk@example.org", email, StringComparison.Ordinal);
        Assert.Contains("Subject: [SocialMonitor] Test email", email, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/plain", email, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/html", email, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mail__Mode", "Files", "not-an-address", "--to must be an email address")]
    [InlineData("Mail__SendingTimeoutMinutes", "0", "it-desk@example.org", "Mail__SendingTimeoutMinutes")]
    public async Task NotifyTest_BadInput_SaysWhatIsWrongAndExits1(string setting, string value, string to, string expected)
    {
        var result = await CliProcess.RunAsync(new Dictionary<string, string> { [setting] = value, ["Mail__Directory"] = _directory },
            _directory, "notify", "test", "--to", to);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory, "*.eml"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
