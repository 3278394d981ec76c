using SocialMonitor.Local;
using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Archive;
using SocialMonitor.Core.Hosting;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Records;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Benchmarks;

/// <summary>
/// A records export of every item, 10,000 and 100,000 of them (ten Facebook accounts, threads of one post and 99
/// comments, each page of 100 an archived answer the versions name), from Azurite into a stream that counts and drops
/// the bytes. Each size runs in its own process; the peak working set is sampled every 10 ms during the export only
/// (after the seeding, with a full collection before), and shown in the "Peak MB" column (<see cref="PeakWorkingSetColumn"/>).
/// </summary>
[Config(typeof(Config))]
public class RecordsExportBenchmark
{
    private const int Accounts = 10;
    private const int ThreadSize = 100;
    private static readonly DateTimeOffset s_start = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

    private Azurite? _azurite;
    private ServiceProvider? _services;

    [Params(10_000, 100_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        PeakWorkingSetColumn.Reset(Items);
        SetupAsync().GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<long> Export()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var sampling = new CancellationTokenSource();
        var before = Environment.WorkingSet;
        var peak = before;
        var heap = 0L;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                heap = Math.Max(heap, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(10, CancellationToken.None);
            }
        }, CancellationToken.None);
        var output = new CountingStream();
        var export = await _services!.GetRequiredService<RecordsExporter>().ExportAsync(new RecordsQuery(), "benchmark@example.org", output, CancellationToken.None);
        await sampling.CancelAsync();
        await sampler;
        if (export.Counts.Items != Items)
        {
            throw new InvalidOperationException($"exported {export.Counts.Items} items of {Items}");
        }
        PeakWorkingSetColumn.Record(Items, peak);
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"// {Items} items: working set {before / 1048576.0:F1} MB before the export, peak {peak / 1048576.0:F1} MB during it (managed heap at most {heap / 1048576.0:F1} MB); {output.Bytes / 1048576.0:F1} MB of ZIP"));
        return output.Bytes;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        _azurite?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task SetupAsync()
    {
        // Azurite finds a blob or a row by scanning all of them unless the lookup's first key is selective: the preload
        // reorders the keys of its lookups (bench/azurite-lookup-order.js), or 100,000 items would take hours to seed.
        var preload = Path.Combine(Azurite.FindToolsDirectory() ?? throw new InvalidOperationException("no package.json with azurite above the benchmark"),
            "bench", "azurite-lookup-order.js");
        Environment.SetEnvironmentVariable("NODE_OPTIONS", $"--require \"{preload}\"");
        _azurite = await Azurite.StartAsync(TextWriter.Null, dataDirectory: null, CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = _azurite.ConnectionString }).Build();
        _services = new ServiceCollection().AddLogging().AddSocialMonitor(configuration).BuildServiceProvider();
        var locations = Enumerable.Range(0, Accounts).Select(i => new Location($"branch-{i}", $"Branch {i}", [])).ToList();
        var accounts = locations.Select((l, i) => new Account
        {
            Id = $"cln-branch-{i}-fb", Platform = PlatformNames.Facebook, PlatformId = $"10400000000{i:D4}", Location = l.Id, Token = $"cln-branch-{i}-fb-token",
        }).ToList();
        await _services.GetRequiredService<AccountRegistry>().ImportAsync(
            new AccountsFile(new Person { Name = "Coordinator", Email = "coordinator@example.org" }, locations, accounts), CancellationToken.None);

        // The seeding writes what a scan writes (the thread's archived answer, each item's version blob and history row
        // through ResponseArchive and ItemHistory, then the index rows as ItemIndex writes them, ItemIndexRow), only
        // faster: the history's partitions are one per item, so its rows go one by one, 32 threads at a time; the
        // index's partition is the account, so a thread's 100 index rows go in one transaction (at most 100 actions).
        var clock = Stopwatch.StartNew();
        var storage = _services.GetRequiredService<StorageClients>();
        var archive = _services.GetRequiredService<ResponseArchive>();
        var history = _services.GetRequiredService<ItemHistory>();
        var indexTable = await storage.TableAsync(TableNames.ItemIndex, CancellationToken.None);
        var seeded = 0;
        var threads = Enumerable.Range(0, Items / ThreadSize);
        await Parallel.ForEachAsync(threads, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (thread, ct) =>
        {
            var account = accounts[thread % Accounts];
            var items = Enumerable.Range(0, ThreadSize).Select(n => BenchmarkItem(account, thread, n)).ToList();
            var body = ItemJson.Serialize(new { data = items.Select(i => new { id = i.Id, message = i.Text }) });
            var sha = await archive.RecordAsync(account, new PlatformResponse(StreamNames.Comments, items[0].Id, "http://127.0.0.1/feed", 200, body, s_start), ct);
            var rows = new List<TableTransactionAction>(ThreadSize);
            foreach (var item in items)
            {
                var hash = ItemJson.ContentHash(item);
                await history.AddVersionAsync(account.Id, item, 1, hash, s_start, [sha], ct);
                rows.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ItemIndexRow.From(new IndexedItem
                {
                    Account = account.Id, ItemId = item.Id, Platform = item.Platform, Kind = item.Kind, ParentId = item.ParentId, Origin = item.Origin, Hash = hash,
                    Stream = item.Kind == ItemKinds.Post ? StreamNames.Posts : StreamNames.Key(StreamNames.Comments, items[0].Id),
                    CreatedAt = item.CreatedAt, FirstSeen = s_start, ChangedAt = s_start,
                })));
            }
            await indexTable.SubmitTransactionAsync(rows, ct);
            if (Interlocked.Add(ref seeded, ThreadSize) is var done && done % 10_000 == 0)
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"// Seeded {done} items after {clock.Elapsed.TotalSeconds:F0} s"));
            }
        });
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"// Seeded {Items} items in Azurite in {clock.Elapsed.TotalSeconds:F0} s"));
    }

    private static Item BenchmarkItem(Account account, int thread, int n) => new()
    {
        Id = n == 0 ? $"{account.PlatformId}_{thread:D6}" : $"{thread:D6}_{n:D3}",
        Platform = account.Platform,
        Account = account.Id,
        Kind = n == 0 ? ItemKinds.Post : ItemKinds.Comment,
        ParentId = n == 0 ? null : $"{account.PlatformId}_{thread:D6}",
        Origin = n == 0 ? ItemOrigins.Official : ItemOrigins.Guest,
        Author = new ItemAuthor($"{1000 + n}", $"Patron {n}"),
        Text = $"Comment {n} on thread {thread}: when does the Saturday story time start again? Asking for my kids, who love it.",
        CreatedAt = s_start.AddMinutes(thread * 10 + n),
        Permalink = $"https://www.facebook.com/{account.PlatformId}/posts/{thread}?comment_id={n}",
    };

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // One export, the process's first, with no warm-up: an export of 100,000 items from Azurite takes a quarter of
            // an hour, and a later export in the same process starts from a larger working set (the GC keeps freed regions
            // committed), so the sizes compare first export to first export. Each size in its own process, so that one's
            // memory is not the other's; the build of that process gets time on a busy machine.
            BuildTimeout = TimeSpan.FromMinutes(15);
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(1));
            AddColumn(new PeakWorkingSetColumn());
        }
    }
}
