using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Review;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Support;
using SocialMonitor.Local;
using SocialMonitor.Local.Platforms.Facebook;

namespace SocialMonitor.IntegrationTests.Pipeline;

/// <summary>One test's pipeline: fresh storage, the tests' Facebook pages on the loopback host under a prefix with two segments, the app's container.</summary>
internal sealed class PipelineRun : IAsyncDisposable
{
    private readonly LoopbackPlatformHost _host;

    private PipelineRun(LoopbackPlatformHost host, FacebookGraph facebook, ServiceProvider services, CapturingLoggerProvider logs, string mail)
    {
        _host = host;
        Facebook = facebook;
        Services = services;
        Logs = logs;
        MailDirectory = mail;
    }

    public FacebookGraph Facebook { get; }
    public ServiceProvider Services { get; }
    public CapturingLoggerProvider Logs { get; }
    public string MailDirectory { get; }
    public FakeTimeProvider Time => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    /// <param name="extra">More settings, e.g. <c>Scan:MaxWaitSeconds</c>.</param>
    /// <param name="configure">Replaces services after the app's own (as <see cref="TestHost.Create"/>).</param>
    public static async Task<PipelineRun> StartAsync(
        AzuriteFixture azurite, CancellationToken cancellationToken, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? configure = null,
        bool reviewLocations = true)
    {
        await azurite.ResetAsync(cancellationToken);
        var facebook = new FacebookGraph(PipelineData.Data, new HashSet<string>([PipelineData.HaydenToken, PipelineData.BookmobileToken]))
        {
            PathPrefix = "/graph/facebook",
        };
        var host = await LoopbackPlatformHost.StartAsync([facebook], cancellationToken);
        var mail = Path.Combine(Path.GetTempPath(), "socialmonitor-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>(PipelineData.Tokens)
        {
            ["Platforms:Facebook:BaseUrl"] = facebook.BaseUrl + "/",
            ["Mail:Directory"] = mail,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var logs = new CapturingLoggerProvider();
        var services = TestHost.Create(azurite, settings, logs: logs, configure: configure);
        await services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(SampleAccounts.Json), cancellationToken);
        // The daily review's location items (governance.managers: the Bookmobile has none), evaluated with the first scan's
        // drain, unless the test runs the review itself (Review/AccountReviewTests).
        var today = services.GetRequiredService<Policy>().LocalDate(services.GetRequiredService<TimeProvider>().GetUtcNow());
        foreach (var location in reviewLocations ? await services.GetRequiredService<AccountRegistry>().ListLocationsAsync(cancellationToken) : [])
        {
            await services.GetRequiredService<QueueSender>().SendItemAsync(AccountReviewItem.For(location, today), cancellationToken);
        }
        return new PipelineRun(host, facebook, services, logs, mail);
    }

    /// <summary>What the timer does, then what the host does: every queue drained.</summary>
    public async Task ScanAndDrainAsync(CancellationToken cancellationToken)
    {
        await Services.GetRequiredService<ScanScheduler>().QueueAllAsync(cancellationToken);
        await Services.GetRequiredService<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, cancellationToken);
    }

    /// <summary>The hourly DigestTimer at <paramref name="at"/>, then the queues: the digests due then are sent.</summary>
    public async Task HourlyAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        Time.SetUtcNow(at);
        await Services.GetRequiredService<HourlyMailJob>().RunAsync(cancellationToken);
        await Services.GetRequiredService<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, cancellationToken);
    }

    public async Task<IReadOnlyList<Finding>> FindingsAsync(CancellationToken cancellationToken) =>
        (await Services.GetRequiredService<FindingStore>().ListAsync(
            new FindingQuery(["hayden", "bookmobile", Locations.District], null), null, 200, cancellationToken)).Items;

    /// <summary>Each email file with its last write time: a resent email changes it.</summary>
    public IReadOnlyDictionary<string, DateTime> Emails() =>
        Directory.Exists(MailDirectory)
            ? Directory.GetFiles(MailDirectory, "*.eml").ToDictionary(f => Path.GetFileName(f), File.GetLastWriteTimeUtc)
            : [];

    /// <summary>Each email written, parsed back from its MIME file.</summary>
    public async Task<IReadOnlyList<Notification>> ParsedEmailsAsync(CancellationToken cancellationToken)
    {
        var emails = new List<Notification>();
        foreach (var name in Emails().Keys)
        {
            await using var file = File.OpenRead(Path.Combine(MailDirectory, name));
            emails.Add(await MimeEmail.ParseAsync(file, cancellationToken));
        }
        return emails;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _host.DisposeAsync();
        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
    }
}
