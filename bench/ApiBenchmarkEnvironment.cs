using SocialMonitor.Local;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Hosting;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Benchmarks;

/// <summary>
/// What the API benchmark runs against, set up once per process: Azurite in memory holding <see cref="FindingCount"/>
/// findings (10 locations × 10 rules, evenly spread, an hour apart), and the real <c>socialmonitor serve</c> as a child
/// process on a free loopback port. Both child processes are stopped by their ids when the process exits.
/// </summary>
internal static class ApiBenchmarkEnvironment
{
    public const int FindingCount = 100_000;
    public const int Locations = 10;
    public const string Key = "benchmark-coordinator-key-0f3c9a71";

    public static readonly string[] Rules =
    [
        "link-domain.unapproved", "link-domain.shortener", "conduct.profanity", "conduct.harassment", "conduct.threat",
        "pii.phone", "pii.email", "personal-gain.promo-code", "accessibility.alt-text", "accessibility.hashtag-case",
    ];

    private static readonly SemaphoreSlim s_lock = new(1, 1);

    /// <summary>A client of the running <c>serve</c>, calling as the coordinator; null until <see cref="StartAsync"/>.</summary>
    public static HttpClient? Client { get; private set; }

    /// <summary>The app's services on the same storage, to read it without HTTP (the baseline); null until <see cref="StartAsync"/>.</summary>
    public static ServiceProvider? Services { get; private set; }

    public static async Task StartAsync()
    {
        await s_lock.WaitAsync();
        try
        {
            if (Client is null)
            {
                var client = new HttpClient { BaseAddress = await StartOnceAsync() };
                client.DefaultRequestHeaders.Add("X-Api-Key", Key);
                Client = client;
            }
        }
        finally
        {
            s_lock.Release();
        }
    }

    private static async Task<Uri> StartOnceAsync()
    {
        var azurite = await Azurite.StartAsync(TextWriter.Null, dataDirectory: null, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString }).Build();
        Services = new ServiceCollection().AddLogging().AddSocialMonitor(configuration).BuildServiceProvider();
        var clock = Stopwatch.StartNew();
        await SeedAsync(Services);
        Console.Error.WriteLine($"// Seeded {FindingCount} findings in Azurite in {clock.Elapsed.TotalSeconds:F0} s");

        var port = FreePort();
        var serve = StartServe(azurite.ConnectionString, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(serve);
        var url = new Uri($"http://127.0.0.1:{port}");
        await WaitUntilServingAsync(url, serve);
        return url;
    }

    private static async Task SeedAsync(ServiceProvider services)
    {
        var locations = Enumerable.Range(0, Locations).Select(i => new Location($"branch-{i}", $"Branch {i}", [])).ToList();
        var accounts = locations.Select((l, i) => new Account
        {
            Id = $"cln-branch-{i}-fb", Platform = PlatformNames.Facebook, PlatformId = $"10400000000{i:D4}", Location = l.Id, Token = $"cln-branch-{i}-fb-token",
        }).ToList();
        await services.GetRequiredService<AccountRegistry>().ImportAsync(
            new AccountsFile(new Person { Name = "Coordinator", Email = "coordinator@example.org" }, locations, accounts), CancellationToken.None);

        var storage = services.GetRequiredService<StorageClients>();
        var findings = await storage.TableAsync(TableNames.Findings, CancellationToken.None);
        var byTime = await storage.TableAsync(TableNames.FindingsByTime, CancellationToken.None);
        var start = new DateTimeOffset(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);
        // One batch is one partition and at most 100 rows (what Azure accepts); four batches in flight.
        var batches = Enumerable.Range(0, FindingCount)
            .Select(n => Finding(n, accounts[n % Locations], start))
            .GroupBy(f => f.Location)
            .SelectMany(g => g.Chunk(100));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, ct) =>
        {
            await findings.SubmitTransactionAsync(batch.Select(f => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(f, f.Id))), ct);
            await byTime.SubmitTransactionAsync(batch.Select(f => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(f, $"{TimeKeys.Inverted(f.FirstSeen)}_{f.Id}"))), ct);
        });
    }

    private static Finding Finding(int n, Account account, DateTimeOffset start)
    {
        var rule = Rules[n / Locations % Rules.Length];
        var itemId = $"{account.PlatformId}_{n}";
        return new Finding
        {
            Id = FindingIds.For(account.Platform, itemId, rule, $"evidence-{n}"),
            Rule = rule,
            Severity = rule.StartsWith("conduct.threat", StringComparison.Ordinal) ? "critical" : "medium",
            Location = account.Location,
            Account = account.Id,
            Platform = account.Platform,
            ItemId = itemId,
            ItemVersion = "0123456789abcdef",
            Permalink = $"https://www.facebook.com/{account.PlatformId}/posts/{n}",
            Clause = "Content and Engagement 2",
            Evidence = $"evidence {n}: https://example.com/some/where/{n}",
            Explanation = "A benchmark finding with an explanation of ordinary length for a manager to read.",
            FirstSeen = start.AddMinutes(-n),
            LastSeen = start.AddMinutes(-n),
        };
    }

    /// <summary>The row as the store writes it (FindingRows is internal to core; these are its properties).</summary>
    private static TableEntity Row(Finding f, string rowKey) => new(f.Location, rowKey)
    {
        ["Id"] = f.Id, ["Rule"] = f.Rule, ["Family"] = f.Family, ["Severity"] = f.Severity, ["Status"] = f.Status, ["Account"] = f.Account,
        ["Platform"] = f.Platform, ["ItemId"] = f.ItemId, ["ItemVersion"] = f.ItemVersion, ["Permalink"] = f.Permalink, ["Clause"] = f.Clause,
        ["Evidence"] = f.Evidence, ["Explanation"] = f.Explanation, ["FirstSeen"] = f.FirstSeen, ["LastSeen"] = f.LastSeen, ["ReopenCount"] = 0,
    };

    private static Process StartServe(string connectionString, int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory.CreateTempSubdirectory("socialmonitor-bench-").FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "socialmonitor.dll"), "serve", "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["Api__Keys__0__Key"] = Key;
        start.Environment["Api__Keys__0__Role"] = "Coordinator";
        start.Environment["Api__Keys__0__Owner"] = "coordinator@example.org";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilServingAsync(Uri url, Process serve)
    {
        using var client = new HttpClient { BaseAddress = url };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (serve.HasExited)
            {
                throw new InvalidOperationException($"socialmonitor serve exited with code {serve.ExitCode}.");
            }
            try
            {
                if ((await client.GetAsync(new Uri("/api/openapi.json", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("socialmonitor serve did not answer within 60 s.");
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
