using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Hosting;
using SocialMonitor.Core.Notifications;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Notifications;

/// <summary>The Graph sender against a loopback Graph: the exact request, Graph's own retries, and clear errors.</summary>
public sealed class GraphNotificationSenderTests : IAsyncLifetime
{
    private const string Token = "test-graph-token-4c1d";
    private static readonly Notification s_email = new(
        "immediate-0123456789abcdef01234567", [new Person { Name = "Sam Lee", Email = "sam.lee@example.org" }],
        "[SocialMonitor] Hayden: 1 finding, high - pii.phone", "text part\n", "<p>html &amp; part</p>", new DateTimeOffset(2026, 10, 15, 18, 0, 0, TimeSpan.Zero));

    private GraphMailServer _graph = null!;
    private ServiceProvider _services = null!;
    private readonly StaticTokenCredential _credential = new(Token);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _graph = await GraphMailServer.StartAsync(Ct);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:Mode"] = "Graph",
            ["Mail:From"] = "monitor@example.org",
            ["Graph:BaseUrl"] = _graph.BaseUrl,
        }).Build();
        _services = new ServiceCollection().AddLogging().AddSocialMonitor(configuration).AddSingleton<TokenCredential>(_credential).BuildServiceProvider();
    }

    [Fact]
    public async Task SendAsync_Email_PostsTheExactSendMailRequestWithTheInjectedCredential()
    {
        await Sender().SendAsync(s_email, Ct);

        var request = Assert.Single(_graph.Requests);
        Assert.Equal("/v1.0/users/monitor@example.org/sendMail", Uri.UnescapeDataString(request.Path));
        Assert.Equal($"Bearer {Token}", request.Authorization);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal([GraphOptions.Scope], _credential.Scopes.Distinct());
        Assert.Equal("[SocialMonitor] Hayden: 1 finding, high - pii.phone", request.Subject);
        Assert.Equal(["sam.lee@example.org"], request.To);
        Assert.Equal("html", request.BodyType);
        Assert.True(request.SaveToSentItems);
        // The whole body, exactly as the SDK writes it (Graph takes the action's parameters in any case).
        var expected = JsonNode.Parse("""
            {"Message":{"@odata.type":"#microsoft.graph.message",
                        "body":{"content":"<p>html &amp; part</p>","contentType":"html"},
                        "internetMessageHeaders":[{"name":"X-SocialMonitor-Id","value":"immediate-0123456789abcdef01234567"}],
                        "subject":"[SocialMonitor] Hayden: 1 finding, high - pii.phone",
                        "toRecipients":[{"emailAddress":{"address":"sam.lee@example.org","name":"Sam Lee"}}]},
             "SaveToSentItems":true}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body)), request.Body);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_GraphWaitsAndRetriesOnce()
    {
        _graph.Answer = n => n == 1 ? new GraphAnswer(429, "TooManyRequests", "Please retry again later.", RetryAfter: 1) : null;

        await Sender().SendAsync(s_email, Ct);

        Assert.Equal(2, _graph.Requests.Count);
        Assert.True(_graph.Requests[1].At - _graph.Requests[0].At >= TimeSpan.FromSeconds(0.9), "Retry-After: 1 was honoured");
        Assert.Equal(_graph.Requests[0].Body, _graph.Requests[1].Body);
    }

    [Fact]
    public async Task SendAsync_429Always_GraphRetriesThreeTimesThenOneTransientError()
    {
        _graph.Answer = _ => new GraphAnswer(429, "TooManyRequests", "Please retry again later.", RetryAfter: 0);

        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => Sender().SendAsync(s_email, Ct));

        Assert.Equal(4, _graph.Requests.Count); // The SDK's own 3 retries, and no layer of ours on top.
        Assert.False(error.Permanent);
        Assert.Contains("429", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_401_OnePermanentErrorThatSaysWhatToCheck()
    {
        _graph.Answer = _ => new GraphAnswer(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");

        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => Sender().SendAsync(s_email, Ct));

        Assert.Single(_graph.Requests);
        Assert.True(error.Permanent);
        Assert.Contains("401 InvalidAuthenticationToken", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid audience", error.Message, StringComparison.Ordinal);
        Assert.Contains("managed identity", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_403_PermanentErrorPointsAtTheMailboxGrant()
    {
        _graph.Answer = _ => new GraphAnswer(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");

        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => Sender().SendAsync(s_email, Ct));

        Assert.True(error.Permanent);
        Assert.Contains("Mail.Send", error.Message, StringComparison.Ordinal);
        Assert.Contains("monitor@example.org", error.Message, StringComparison.Ordinal);
    }

    private INotificationSender Sender()
    {
        var sender = _services.GetRequiredService<INotificationSender>();
        Assert.IsType<GraphNotificationSender>(sender);
        return sender;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _graph.DisposeAsync();
    }
}
