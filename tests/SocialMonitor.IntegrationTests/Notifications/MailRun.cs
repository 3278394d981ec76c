using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Rules;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Notifications;

/// <summary>
/// One mail test: fresh storage, a loopback Graph, the app's container in <c>Mail__Mode=Graph</c> with a credential that
/// needs no network, the tests' own policy and people. Findings are written directly (no rule is needed).
/// </summary>
internal sealed class MailRun : IAsyncDisposable
{
    /// <summary>Hayden: Sam (defaults, digest at 8) and Alex (high in the digest, low never, digest at 16); the Bookmobile has no manager.</summary>
    public const string AccountsJson = """
        {"coordinator": {"name": "Jordan Avery", "email": "coordinator@example.org", "objectId": null},
         "locations": [
           {"id": "hayden", "name": "Hayden", "managers": [
             {"name": "Sam Lee", "email": "sam.lee@example.org", "objectId": null},
             {"name": "Alex Rivera", "email": "alex.rivera@example.org", "objectId": null,
              "notify": {"critical": "immediate", "high": "digest", "medium": "digest", "low": "none"}, "digestHour": 16}]},
           {"id": "bookmobile", "name": "Bookmobile", "managers": []}],
         "accounts": [
           {"id": "cln-hayden-fb", "platform": "facebook", "platformId": "104000000000099", "handle": "CLNHayden",
            "location": "hayden", "token": "cln-hayden-fb-token", "approvedBy": "coordinator@example.org", "approvedOn": "2026-01-05"},
           {"id": "cln-bookmobile-fb", "platform": "facebook", "platformId": "104000000000098", "handle": "CLNBookmobile",
            "location": "bookmobile", "token": "cln-bookmobile-fb-token", "approvedBy": "coordinator@example.org", "approvedOn": "2026-01-05"}]}
        """;

    /// <summary>Los Angeles, weekdays 08:00–17:00, Monday 2026-11-16 a holiday, SLA 4 h critical and 8 h high.</summary>
    public static readonly Policy Policy = new()
    {
        TimeZone = "America/Los_Angeles",
        OwnDomains = ["communitylibrary.net"],
        AllowedTopLevelDomains = ["edu", "gov"],
        Contacts = new PublishedContacts { Phones = ["(208) 555-0140"], Emails = ["info@communitylibrary.net"], EmailDomains = ["communitylibrary.net"] },
        Holidays = [new DateOnly(2026, 11, 16)],
        Sla = new SlaHours { Critical = 4, High = 8 },
    };

    private int _item;

    private MailRun(GraphMailServer graph, ServiceProvider services)
    {
        Graph = graph;
        Services = services;
    }

    public GraphMailServer Graph { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Time => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<MailRun> StartAsync(AzuriteFixture azurite, DateTimeOffset start, CancellationToken cancellationToken, int sendingTimeoutMinutes = 15, int bundleSeconds = 0,
        Action<IServiceCollection>? configure = null)
    {
        await azurite.ResetAsync(cancellationToken);
        var graph = await GraphMailServer.StartAsync(cancellationToken);
        var services = TestHost.Create(azurite, new Dictionary<string, string?>
        {
            ["Mail:Mode"] = "Graph",
            ["Mail:From"] = "monitor@example.org",
            ["Mail:SendingTimeoutMinutes"] = sendingTimeoutMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:BundleSeconds"] = bundleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["Api:PublicUrl"] = "https://monitor.example.org",
        }, new TestClock(start), configure: s =>
        {
            s.AddSingleton<TokenCredential>(new StaticTokenCredential("test-graph-token")).AddSingleton(Policy);
            configure?.Invoke(s);
        });
        await services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(AccountsJson), cancellationToken);
        // The import raised governance.managers for the Bookmobile: route it now, so that each test starts with empty queues.
        await services.GetRequiredService<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, cancellationToken);
        return new MailRun(graph, services);
    }

    /// <summary>A new finding of the tests' own, as a rule would record it; recording it queues its notify message.</summary>
    public async Task<Finding> RecordAsync(string location, string rule, string severity, CancellationToken cancellationToken, string? evidence = null)
    {
        var item = $"104000000000099_{Interlocked.Increment(ref _item)}";
        var now = Time.GetUtcNow();
        var detection = new Detection(rule, severity, "A clause of the tests' own", evidence ?? $"evidence {item}", item, "Found by a test.");
        return await Get<FindingRecorder>().RecordAsync(Finding.Create(detection, "facebook", item, location,
            location == "hayden" ? "cln-hayden-fb" : null, now, permalink: $"https://www.facebook.com/104000000000099/posts/{item}"), cancellationToken);
    }

    /// <summary>Lets <paramref name="wait"/> pass on the fake clock, then what the host would do once the held send messages show: send what is due.</summary>
    public async Task AfterAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        Time.Advance(wait);
        await Get<Outbox>().QueueDueAsync(Time.GetUtcNow(), cancellationToken);
        await DrainAsync(cancellationToken);
    }

    public Task DrainAsync(CancellationToken cancellationToken) => Get<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, cancellationToken);

    /// <summary>What the host does each hour: the DigestTimer, then the queues.</summary>
    public async Task HourlyAsync(CancellationToken cancellationToken)
    {
        await Get<HourlyMailJob>().RunAsync(cancellationToken);
        await DrainAsync(cancellationToken);
    }

    /// <summary>Runs the hourly job on every hour from the next one up to <paramref name="until"/>, recording the fake time of each email sent.</summary>
    public async Task<List<(DateTimeOffset At, GraphRequest Email)>> HourlyUntilAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var sent = new List<(DateTimeOffset, GraphRequest)>();
        Graph.OnRequest = request => sent.Add((Time.GetUtcNow(), request));
        var now = Time.GetUtcNow();
        var next = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        for (; next <= until; next = next.AddHours(1))
        {
            Time.SetUtcNow(next);
            await HourlyAsync(cancellationToken);
        }
        Graph.OnRequest = null;
        return sent;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
