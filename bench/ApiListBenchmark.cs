using SocialMonitor.Local;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;

namespace SocialMonitor.Benchmarks;

/// <summary>
/// <c>GET /api/findings</c> through the real <c>socialmonitor serve</c> with 100,000 findings in Azurite: one page of 50
/// (the default size) for one location, and for one rule (10% of the findings, across all ten locations). In process,
/// so that the environment is set up once for both; throughput is the page size over the mean. <see cref="StoreOnly"/>
/// reads the same page from the same storage in process, without HTTP or the API: what is left is Azurite's share.
/// </summary>
[Config(typeof(Config))]
public class ApiListBenchmark
{
    private HttpClient Client => ApiBenchmarkEnvironment.Client!;

    [Params("location=branch-3", "rule=conduct.profanity")]
    public string Filter { get; set; } = "";

    [Params(50)]
    public int PageSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ApiBenchmarkEnvironment.StartAsync().GetAwaiter().GetResult();
        if (OnePage().GetAwaiter().GetResult() != PageSize)
        {
            throw new InvalidOperationException($"{Filter} did not fill a page of {PageSize}.");
        }
    }

    [Benchmark]
    public async Task<int> OnePage()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>($"/api/findings?{Filter}&pageSize={PageSize}");
        return page.GetProperty("items").GetArrayLength();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> StoreOnly()
    {
        var services = ApiBenchmarkEnvironment.Services!;
        var locations = (await services.GetRequiredService<AccountRegistry>().ListLocationsAsync(CancellationToken.None)).Select(l => l.Id).ToList();
        var (name, value) = (Filter.Split('=')[0], Filter.Split('=')[1]);
        var query = name == "location" ? new FindingQuery([value], null) : new FindingQuery(locations, null) { Rules = [value] };
        return (await services.GetRequiredService<FindingStore>().ListAsync(query, null, PageSize, CancellationToken.None)).Items.Count;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(30));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.OperationsPerSecond);
        }
    }
}
