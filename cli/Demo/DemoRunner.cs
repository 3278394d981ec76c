using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Hosting;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Review;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Cli.Commands;
using SocialMonitor.Local;

namespace SocialMonitor.Cli.Demo;

/// <summary>
/// The demo: its own Azurite (in memory, free ports), the loopback host serving each platform of
/// <see cref="SamplePlatforms"/> from <c>samples/{platform}/</c> in its real wire format (the sample CLN pages on Facebook),
/// <c>samples/accounts.json</c> imported and <c>samples/approvals.json</c> recorded, one scan through the real queues and
/// the same core services the functions use, the queues drained, then the daily account review once and the queues
/// drained again; the bundling window of the immediate emails passed on the clock; at 18:30 a second scan after staff hid
/// a guest comment on Instagram (<c>governance.moderation</c>); then the next 24 hours of the hourly <c>DigestTimer</c>, each hour on the fixed
/// clock (each person's digest at their hour, escalations past the SLA). It writes its emails afresh, so every run is
/// the same: the immediate ones, the digests and any escalation, in <c>./outbox/demo/</c>.
/// </summary>
internal sealed class DemoRunner : IAsyncDisposable
{
    public static readonly DateTimeOffset Clock = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);

    /// <summary>Hayden's storytime post on Instagram (<c>samples/instagram/hayden.json</c>) and the guest comment on it staff hide at 18:30.</summary>
    private const string HaydenStorytime = "17900000000030001";
    private const string HaydenHiddenComment = "17950000000030002";

    private readonly Azurite _azurite;
    private readonly LoopbackPlatformHost _platforms;
    private readonly IReadOnlyList<(SamplePlatform Platform, LoopbackPlatform Fake)> _fakes;
    private readonly FixedTimeProvider _clock = new(Clock);

    private DemoRunner(Azurite azurite, LoopbackPlatformHost platforms, IReadOnlyList<(SamplePlatform, LoopbackPlatform)> fakes, IConfiguration configuration)
    {
        _azurite = azurite;
        _platforms = platforms;
        _fakes = fakes;
        Configuration = configuration;
    }

    /// <summary>The settings the demo runs on: embedded defaults plus its Azurite, its platforms' base URLs and its tokens.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The coordinator of <c>samples/accounts.json</c>: the owner of the key <c>demo --serve</c> makes.</summary>
    public static Person SampleCoordinator() =>
        AccountsFileReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "samples", "accounts.json")).File?.Coordinator
            ?? throw new InvalidOperationException("samples/accounts.json names no coordinator.");

    /// <summary>Starts Azurite (its output to <paramref name="log"/>, stderr when null) and the loopback platforms.</summary>
    public static async Task<DemoRunner> StartAsync(string outbox, CancellationToken cancellationToken, TextWriter? log = null)
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        var accounts = AccountsFileReader.ReadFile(Path.Combine(samples, "accounts.json"));
        if (!accounts.IsValid)
        {
            throw new InvalidOperationException($"samples/accounts.json is not valid: {string.Join("; ", accounts.Problems)}");
        }

        // Fresh random tokens each run: the demo shows that none of them ends up in a log, row or email.
        var tokens = accounts.File.Accounts.ToDictionary(a => a.Token, _ => "demo-" + Guid.NewGuid().ToString("N"), StringComparer.OrdinalIgnoreCase);
        // Each platform accepts the tokens of its own accounts only.
        var fakes = SamplePlatforms.All.Select(platform => (Platform: platform, Fake: platform.Create(
            Path.Combine(samples, platform.Name),
            accounts.File.Accounts.Where(a => string.Equals(a.Platform, platform.Name, StringComparison.OrdinalIgnoreCase))
                .Select(a => tokens[a.Token]).ToHashSet(StringComparer.Ordinal)))).ToList();
        foreach (var (_, fake) in fakes)
        {
            fake.ServeImages = true; // the profile pictures and banners of the sample data, drawn by BrandArt
        }
        var azurite = await Azurite.StartAsync(log ?? Console.Error, dataDirectory: null, cancellationToken);
        LoopbackPlatformHost platforms;
        try
        {
            platforms = await LoopbackPlatformHost.StartAsync([.. fakes.Select(f => f.Fake)], cancellationToken);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }

        if (Directory.Exists(outbox))
        {
            Directory.Delete(outbox, recursive: true);
        }
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Mail:Mode"] = "Files",
            ["Mail:Directory"] = outbox,
            // The demo's images come from the loopback fakes: only the demo and tests ever set this (see ImageOptions).
            ["Images:AllowLoopback"] = "true",
            // The first scan reads back 60 days (14 by default), so Spirit Lake's last post, 45 days before the demo's
            // clock, is in the record: the daily review's branding.stale.
            ["Scan:BackfillDays"] = "60",
        };
        foreach (var (platform, fake) in fakes)
        {
            settings[$"Platforms:{platform.Settings}:BaseUrl"] = fake.BaseUrl;
        }
        foreach (var (name, value) in tokens)
        {
            settings[$"Tokens:{name}"] = value;
        }
        return new DemoRunner(azurite, platforms, fakes, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }

    /// <summary>Imports the accounts, scans once, drains the queues; returns the summary to print.</summary>
    public async Task<DemoSummary> RunAsync(bool verbose, CancellationToken cancellationToken)
    {
        var services = CliHost.CreateServices(Configuration, verbose);
        var clock = _clock;
        services.AddSingleton<TimeProvider>(clock);
        await using var host = await CliHost.StartAsync(services, storage: false, cancellationToken);
        var policy = host.Get<Core.Policies.Policy>(); // a bad policy stops the demo here, not in every evaluation

        var accounts = AccountsFileReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "samples", "accounts.json"));
        await host.Get<AccountsImporter>().ImportAsync(accounts, cancellationToken);
        await SampleApprovals.RecordAsync(Path.Combine(AppContext.BaseDirectory, "samples", "approvals.json"), host.Get<ApprovalService>(),
            accounts.File!.Coordinator.Email, cancellationToken);
        var scanned = await host.Get<ScanScheduler>().QueueAllAsync(cancellationToken);
        await host.Get<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, cancellationToken);
        // The daily account review, once, over what the scan recorded: the governance rules' findings.
        await host.Get<AccountReview>().RunAsync(cancellationToken);
        await host.Get<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, cancellationToken);
        // The immediate emails wait Mail__BundleSeconds for more findings: on the fixed clock that time passes here.
        clock.Now = Clock.AddSeconds(host.Get<IOptions<MailOptions>>().Value.BundleSeconds);
        await host.Get<Outbox>().QueueDueAsync(clock.Now, cancellationToken);
        await host.Get<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, cancellationToken);

        // 18:30: on Hayden's Instagram a guest answers the storytime post, and staff hide an earlier guest comment without
        // recording why. The next scan reads the post's comments again (its comment count moved) and sees the hide as an
        // event: governance.moderation. (A comment already hidden on an account's first scan is its state, not an event.)
        clock.Now = Clock.AddMinutes(30);
        var instagram = _fakes.Select(f => f.Fake).OfType<Local.Platforms.Instagram.InstagramGraph>().Single();
        instagram.AddComment(HaydenStorytime, """
            {"id": "17950000000030003", "text": "Thank you, see you Tuesday!", "timestamp": "2026-10-15T18:20:00+0000",
             "username": "north.idaho.dad", "from": {"id": "17841499990000011", "username": "north.idaho.dad"}, "hidden": false}
            """);
        instagram.Update(HaydenHiddenComment, comment => comment["hidden"] = true);
        await host.Get<ScanScheduler>().QueueAllAsync(cancellationToken);
        await host.Get<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, cancellationToken);
        clock.Now = clock.Now.AddSeconds(host.Get<IOptions<MailOptions>>().Value.BundleSeconds);
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
        return new DemoSummary(scanned, await host.Get<ItemIndex>().CountAsync(cancellationToken), ApiCalls(), findings, emails, outbox, policy.Zone);
    }

    /// <summary>The requests each platform's fake received, in <see cref="SamplePlatforms"/> order, labelled by its settings name.</summary>
    private IReadOnlyList<(string Platform, int Calls)> ApiCalls() => [.. _fakes.Select(f => (f.Platform.Settings, f.Fake.Requests.Count))];

    /// <summary>
    /// The API over the demo's storage (<c>demo --serve</c>): the API settings configured as for <c>serve</c>, then the demo's
    /// coordinator and manager keys (<see cref="DemoApiSettings"/>), on the demo's clock where the run left it: a triage then
    /// is timed against the findings' own times, not today's.
    /// </summary>
    public WebApplication BuildApi(IConfiguration configured, string coordinatorKey, string managerKey, string url, bool verbose) =>
        ApiServer.Build(DemoApiSettings.Build(Configuration, configured, coordinatorKey, managerKey), url, verbose,
            services => services.AddSingleton<TimeProvider>(_clock));

    public async ValueTask DisposeAsync()
    {
        await _platforms.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
