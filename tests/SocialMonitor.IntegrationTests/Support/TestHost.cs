using SocialMonitor.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Hosting;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>The app's real container (AddSocialMonitor) on a test's Azurite, fake clock and captured logs.</summary>
internal static class TestHost
{
    public static readonly DateTimeOffset Start = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);

    /// <param name="configure">Replaces services after the app's own (a test's policy, a credential needing no network).</param>
    public static ServiceProvider Create(
        AzuriteFixture azurite, IDictionary<string, string?>? settings = null, TimeProvider? time = null, ILoggerProvider? logs = null,
        Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Mail:Directory"] = Path.Combine(Path.GetTempPath(), "socialmonitor-tests", Guid.NewGuid().ToString("N")),
            // Tests that drain the queues and look at the mail expect each email at once; the bundling tests set a window.
            ["Mail:BundleSeconds"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        services.AddSocialMonitor(configuration);
        services.AddSingleton(time ?? new TestClock(Start));
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
