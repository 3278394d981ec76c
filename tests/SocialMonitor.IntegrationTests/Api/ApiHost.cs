using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Cli;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Api;

/// <summary>
/// The API over real HTTP on a free loopback port, served either as <c>socialmonitor serve</c> does (<see cref="Serve"/>)
/// or through the HTTP function classes (<see cref="Functions"/>), on fresh storage with the tests' registry imported
/// and a fake clock shared by the server and <see cref="Services"/> (the same app container, for seeding).
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    public const string Serve = "serve";
    public const string Functions = "functions";

    public const string CoordinatorKey = "test-coordinator-key-4f1c9a7e";
    public const string HaydenKey = "test-hayden-manager-key-8b2d6e1f";
    public const string RathdrumKey = "test-rathdrum-manager-key-3c7a0d2b";

    private readonly WebApplication _app;

    private ApiHost(WebApplication app, string url, ServiceProvider services, FakeTimeProvider time)
    {
        _app = app;
        Url = url;
        Services = services;
        Time = time;
    }

    public string Url { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; }

    public static async Task<ApiHost> StartAsync(
        AzuriteFixture azurite, string host, CancellationToken cancellationToken, IDictionary<string, string?>? settings = null)
    {
        await azurite.ResetAsync(cancellationToken);
        var values = Settings(azurite.ConnectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var time = new TestClock(TestHost.Start);
        var services = TestHost.Create(azurite, values, time);
        await ApiData.ImportAsync(services, cancellationToken);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        const string Loopback = "http://127.0.0.1:0";
        var app = host == Serve
            ? ApiServer.Build(configuration, Loopback, verbose: false, s => s.AddSingleton<TimeProvider>(time))
            : FunctionsServer.Build(configuration, Loopback, s => s.AddSingleton<TimeProvider>(time));
        return new ApiHost(app, await ListenAsync(app, cancellationToken), services, time);
    }

    /// <summary>The storage and the three keys: the coordinator's, Hayden's manager's and Rathdrum's.</summary>
    public static Dictionary<string, string?> Settings(string connectionString) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureWebJobsStorage"] = connectionString,
        ["Api:Keys:0:Key"] = CoordinatorKey,
        ["Api:Keys:0:Role"] = "Coordinator",
        ["Api:Keys:0:Owner"] = ApiData.CoordinatorEmail,
        ["Api:Keys:1:Key"] = HaydenKey,
        ["Api:Keys:1:Role"] = "Manager",
        ["Api:Keys:1:Locations"] = "hayden",
        ["Api:Keys:1:Owner"] = ApiData.HaydenManagerEmail,
        ["Api:Keys:2:Key"] = RathdrumKey,
        ["Api:Keys:2:Role"] = "Manager",
        ["Api:Keys:2:Locations"] = "rathdrum",
        ["Api:Keys:2:Owner"] = ApiData.RathdrumManagerEmail,
    };

    /// <summary>Starts the app and returns the address it listens on.</summary>
    public static async Task<string> ListenAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>A client that calls with <paramref name="key"/> (none: anonymous).</summary>
    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await Services.DisposeAsync();
    }
}
