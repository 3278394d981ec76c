using System.Text;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
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
    public async Task SendAsync_Email_PostsTheMessageAsBase64MimeWithTheInjectedCredential()
    {
        await Sender().SendAsync(s_email, Ct);

        var request = Assert.Single(_graph.Requests);
        Assert.Equal("/v1.0/users/monitor@example.org/sendMail", Uri.UnescapeDataString(request.Path));
        Assert.Equal($"Bearer {Token}", request.Authorization);
        Assert.StartsWith("text/plain", request.ContentType, StringComparison.Ordinal);
        Assert.Equal([GraphOptions.Scope], _credential.Scopes.Distinct());
        Assert.Equal("[SocialMonitor] Hayden: 1 finding, high - pii.phone", request.Subject);
        Assert.Equal(["sam.lee@example.org"], request.To);
        Assert.Equal("monitor@example.org", Assert.Single(request.Mime.From.Mailboxes).Address);
        Assert.Equal("immediate-0123456789abcdef01234567", request.EmailId);
        Assert.Equal("text part\n", request.Text);
        Assert.Equal("<p>html &amp; part</p>", request.Html);
        // The same bytes as the archived .eml.
        Assert.Equal(await MimeEmail.ToBytesAsync(s_email, "monitor@example.org", Ct), Convert.FromBase64String(request.Body));
    }

    [Fact]
    public async Task SendAsync_LongHtmlAndAccentedSubject_QuotedPrintableAlternativesAndEncodedHeaders()
    {
        var html = "<p>" + string.Join(" ", Enumerable.Range(0, 600).Select(n => $"entry-{n}")) + " Café</p>";
        var email = s_email with
        {
            Subject = "[SocialMonitor] Post Falls: a phone number in a guest comment – Zoë",
            Html = html,
            Text = "Café, line one\n",
            ReplyTo = new Person { Name = "Renée Coordinator", Email = "coordinator@example.org" },
        };

        await Sender().SendAsync(email, Ct);

        var request = Assert.Single(_graph.Requests);
        var raw = Encoding.ASCII.GetString(Convert.FromBase64String(request.Body));
        Assert.True(raw.All(c => c < 128), "the MIME is 7-bit: headers RFC 2047, parts quoted-printable");
        Assert.All(raw.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 998, $"{line.Length} characters"));
        Assert.Contains("=?utf-8?", raw, StringComparison.OrdinalIgnoreCase);
        var alternative = Assert.IsType<MultipartAlternative>(request.Mime.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.OfType<MimePart>().Select(p => p.ContentType.MimeType));
        Assert.All(alternative.OfType<MimePart>(), p => Assert.Equal(ContentEncoding.QuotedPrintable, p.ContentTransferEncoding));
        Assert.Equal(email.Subject, request.Subject);
        Assert.Equal(html, request.Html);
        Assert.Equal("Café, line one\n", request.Text);
        Assert.Equal(("Renée Coordinator", "coordinator@example.org"), request.Mime.ReplyTo.Mailboxes.Select(m => (m.Name, m.Address)).Single());
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
