using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Cli;

/// <summary>Issue 16, defect 4: <c>serve</c> has no App Service Authentication in front, so it refuses to trust the principal header.</summary>
public sealed class ServeAuthModeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("socialmonitor-serve-").FullName;

    [Fact]
    public async Task Serve_AppServiceAuthenticationMode_ExitsNonZeroNamingTheSetting()
    {
        var result = await CliProcess.RunAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;",
            ["Api__AuthMode"] = "AppServiceAuthentication",
        }, _directory, "serve", "--urls", "http://127.0.0.1:0");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Api__AuthMode=AppServiceAuthentication", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Api__AuthMode=ApiKeys", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
