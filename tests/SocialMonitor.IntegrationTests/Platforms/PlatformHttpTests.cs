using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Platforms.Facebook;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Platforms;

/// <summary>
/// The shared HTTP path against a loopback platform that echoes its request URL (and Authorization header) in its
/// answers: secrets declared by two platforms never reach a URL, log line, exception or archived answer; paging stays
/// on the first host; each attempt is counted once; an answer is archived before it is parsed.
/// </summary>
public sealed class PlatformHttpTests
{
    private const string Token = "tok-session-4f1c";
    private const string Secret = "s3cret-value-9b2e";
    private const string Bearer = "AAAAbearer.credential-77";
    private const string HttpClientName = "test-platform";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Facebook's declared set, and a second platform's (a YouTube-like <c>key</c> and a bearer header).</summary>
    public static TheoryData<string, string> Platforms => new()
    {
        { "facebook", "appsecret_proof" },
        { "other", "key" },
    };

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task ReadListAsync_DeclaredSecretsInUrlsHeadersAndEchoedBodies_NeverReachLogsExceptionsOrTheArchive(string platform, string parameter)
    {
        await using var server = await EchoPlatformServer.StartAsync(Ct);
        var logs = new CapturingLoggerProvider();
        await using var services = Services(logs);
        var archived = new List<PlatformResponse>();
        var session = Session(archived);
        var api = Api(platform);
        var headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {Bearer}" };

        var entries = await Http(services).ReadListAsync(api, session,
            new PlatformRequest("posts", null, $"{server.BaseUrl}/list?page=1&{parameter}={Secret}") { Headers = headers }, Page, Ct);
        var gone = await Assert.ThrowsAsync<PlatformException>(() => Http(services).GetAsync(api, session,
            new PlatformRequest("deletions", "item-1", $"{server.BaseUrl}/gone?{parameter}={Secret}") { Headers = headers }, Ct));

        Assert.Equal([1, 2, 3], entries.Select(e => e.GetInt32()));
        Assert.All(server.Requests, r => Assert.Contains($"{parameter}={Secret}", r, StringComparison.Ordinal)); // The secret did go to the platform.
        Assert.Equal((PlatformErrorKind.NotFound, "404/notFound"), (gone.Kind, gone.PlatformCode));
        Assert.Contains($"{parameter}=***", gone.Message, StringComparison.Ordinal);
        Assert.Equal(4, archived.Count);
        Assert.All(archived, r => Assert.Contains($"{parameter}=***", r.Url, StringComparison.Ordinal));
        Assert.Contains(archived, r => r.Body.Contains("Bearer ***", StringComparison.Ordinal));
        var requestLogs = logs.Logs.Where(l => l.Category == typeof(PlatformHttp).FullName && l.EventId.Id == 1).ToList();
        Assert.Equal(4, requestLogs.Count);
        foreach (var text in archived.Select(r => r.Url + r.Body).Concat(logs.Logs.Select(l => l.Everything)).Append(gone.ToString()))
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Bearer, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReadListAsync_NextPageOnAnotherHost_IsRefusedAndNeverSent()
    {
        await using var server = await EchoPlatformServer.StartAsync(Ct);
        server.NextBase = server.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal); // Same server, other host: a follow would arrive.
        await using var services = Services();

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Http(services).ReadListAsync(Api("other"), Session(),
            new PlatformRequest("posts", null, $"{server.BaseUrl}/list?page=1&key={Secret}"), Page, Ct));

        Assert.Single(server.Requests);
        Assert.Contains("next page on another host", ex.Message, StringComparison.Ordinal);
        Assert.Contains("localhost", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_EveryRequestAndEveryRetriedAttempt_IsCountedOnceWithItsUnits()
    {
        await using var server = await EchoPlatformServer.StartAsync(Ct);
        await using var services = Services();
        var session = Session();

        await Http(services).ReadListAsync(Api("other"), session, new PlatformRequest("uploads", null, $"{server.BaseUrl}/list?page=1") { Units = 3 }, Page, Ct);
        using var _ = await Http(services).GetAsync(Api("other"), session, new PlatformRequest("profile", null, $"{server.BaseUrl}/flaky"), Ct);

        Assert.Equal(5, server.Requests.Count);
        Assert.Equal(new Dictionary<string, int> { ["profile"] = 2, ["uploads"] = 3 }, session.Calls); // The 503 and its retry both left.
        Assert.Equal(new Dictionary<string, long> { ["profile"] = 2, ["uploads"] = 9 }, session.Units);
    }

    [Fact]
    public async Task GetAsync_InvalidJson_IsArchivedScrubbedBeforeTheParseFails()
    {
        await using var server = await EchoPlatformServer.StartAsync(Ct);
        await using var services = Services();
        var archived = new List<PlatformResponse>();

        var ex = await Assert.ThrowsAsync<PlatformException>(() => Http(services).GetAsync(Api("other"), Session(archived),
            new PlatformRequest("posts", null, $"{server.BaseUrl}/broken?key={Secret}"), Ct));

        Assert.IsType<JsonException>(ex.InnerException, exactMatch: false);
        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
        var answer = Assert.Single(archived);
        Assert.Equal((200, "posts"), (answer.Status, answer.Stream));
        Assert.StartsWith("""{"items":[1,2],"echo":""", answer.Body, StringComparison.Ordinal);
        Assert.Contains("key=***", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, answer.Body + answer.Url + ex, StringComparison.Ordinal);
    }

    private static PlatformApi Api(string platform) => new(
        platform,
        HttpClientName,
        platform == "facebook" ? FacebookClient.Secrets : new PlatformSecrets(["key"], ["Authorization"]),
        Classify);

    /// <summary>A test platform's error body, <c>{"error":{"code","message"}}</c>: 404 is "not found", the rest is other.</summary>
    private static PlatformError Classify(ErrorAnswer answer)
    {
        using var body = JsonDocument.Parse(answer.Body);
        var error = body.RootElement.GetProperty("error");
        return new PlatformError(answer.Response.StatusCode == HttpStatusCode.NotFound ? PlatformErrorKind.NotFound : PlatformErrorKind.Other,
            $"{answer.Status}/{error.GetProperty("code").GetString()}", error.GetProperty("message").GetString()!);
    }

    private static PlatformPage? Page(JsonElement body) =>
        body.TryGetProperty("items", out var items)
            ? new PlatformPage([.. items.EnumerateArray()], body.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null)
            : null;

    private static PlatformSession Session(List<PlatformResponse>? archived = null) => new(
        new Account { Id = "cln-test", Platform = "other", PlatformId = "1", Location = "test", Token = "cln-test-token" },
        Token,
        (response, _) =>
        {
            archived?.Add(response);
            return Task.CompletedTask;
        });

    private static PlatformHttp Http(ServiceProvider services) => services.GetRequiredService<PlatformHttp>();

    private static ServiceProvider Services(CapturingLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddPlatformHttpClient(HttpClientName, "test-pipeline", (builder, _) => builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.Zero,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { StatusCode: HttpStatusCode.ServiceUnavailable }),
        }));
        return services.BuildServiceProvider();
    }
}
