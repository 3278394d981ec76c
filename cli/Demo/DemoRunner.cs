using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Hosting;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Cli.Commands;

namespace SocialMonitor.Cli.Demo;

/// <summary>
/// The demo: its own Azurite (in memory, free ports), a loopback server with the sample CLN pages in the real Facebook
/// wire format, <c>samples/accounts.json</c> imported, one scan through the real queues and the same core services the
/// functions use, the queues drained; the bundling window of the immediate emails passed on the clock; then the next 24 hours of the hourly <c>DigestTimer</c>, each hour on the fixed
/// clock (each person's digest at their hour, escalations past the SLA). It writes its emails afresh, so every run is
/// the same: the immediate ones, the digests and any escalation, in <c>./outbox/demo/</c>.
/// </summary>
internal sealed class DemoRunner : IAsyncDisposable
{
    public static readonly DateTimeOffset Clock = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);

    private readonly Azurite _azurite;
    private readonly FacebookSampleServer _facebook;

    private DemoRunner(Azurite azurite, FacebookSampleServer facebook, IConfiguration configuration)
    {
        _azurite = azurite;
        _facebook = facebook;
        Configuration = configuration;
    }

    /// <summary>The settings the demo runs on: embedded defaults plus its Azurite, its Facebook server and its tokens.</summary>
    public IConfiguration Configuration { get; }

    public static async Task<DemoRunner> StartAsync(string outbox, CancellationToken cancellationToken)
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        var accounts = AccountsFileReader.ReadFile(Path.Combine(samples, "accounts.json"));
        if (!accounts.IsValid)
        {
            throw new InvalidOperationException($"samples/accounts.json is not valid: {string.Join("; ", accounts.Problems)}");
        }

        // Fresh random tokens each run: the demo shows that none of them ends up in a log, row or email.
        var tokens = accounts.File.Accounts.ToDictionary(a => a.Token, _ => "demo-" + Guid.NewGuid().ToString("N"), StringComparer.OrdinalIgnoreCase);
        var azurite = await Azurite.StartAsync(Console.Error, dataDirectory: null, cancellationToken);
        var facebook = await FacebookSampleServer.StartAsync(
            FacebookSampleData.Load(Path.Combine(samples, "facebook.json")), "/facebook", tokens.Values.ToHashSet(StringComparer.Ordinal), cancellationToken);

        if (Directory.Exists(outbox))
        {
            Directory.Delete(outbox, recursive: true);
        }
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Platforms:Facebook:BaseUrl"] = facebook.BaseUrl,
            ["Mail:Mode"] = "Files",
            ["Mail:Directory"] = outbox,
        };
        foreach (var (name, value) in tokens)
        {
            settings[$"Tokens:{name}"] = value;
        }
        return new DemoRunner(azurite, facebook, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }

    /// <summary>Imports the accounts, scans once, drains the queues; returns the summary to print.</summary>
    public async Task<DemoSummary> RunAsync(bool verbose, CancellationToken cancellationToken)
    {
        var services = CliHost.CreateServices(Configuration, verbose);
        var clock = new FixedTimeProvider(Clock);
        services.AddSingleton<TimeProvider>(clock);
        await using var host = await CliHost.StartAsync(services, storage: false, cancellationToken);
        _ = host.Get<Core.Policies.Policy>(); // a bad policy stops the demo here, not in every evaluation

        var accounts = AccountsFileReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "samples", "accounts.json"));
        await host.Get<AccountsImporter>().ImportAsync(accounts, cancellationToken);
        var scanned = await host.Get<ScanScheduler>().QueueAllAsync(cancellationToken);
        await host.Get<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, cancellationToken);
        // The immediate emails wait Mail__BundleSeconds for more findings: on the fixed clock that time passes here.
        clock.Now = Clock.AddSeconds(host.Get<IOptions<MailOptions>>().Value.BundleSeconds);
        await host.Get<Outbox>().QueueDueAsync(clock.Now, cancellationToken);
        await host.Get<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, cancellationToken);
        for (var hour = 1; hour <= 24; hour++)
        {
            clock.Now = Clock.AddHours(hour);
            await host.Get<HourlyMailJob>().RunAsync(cancellationToken);
            await host.Get<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, cancellationToken);
        }

        var findings = await FindingsCommands.ListAllAsync(host.Get<FindingStore>(), host.Get<AccountRegistry>(), null, null, cancellationToken);
        var outbox = Path.GetFullPath(Configuration["Mail:Directory"]!);
        IReadOnlyList<string> emails = Directory.Exists(outbox) ? [.. Directory.GetFiles(outbox, "*.eml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!] : [];
        return new DemoSummary(scanned, await host.Get<ItemIndex>().CountAsync(cancellationToken), _facebook.Requests.Count, findings, emails, outbox);
    }

    public async ValueTask DisposeAsync()
    {
        await _facebook.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
