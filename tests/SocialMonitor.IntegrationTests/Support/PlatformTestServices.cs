using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>What a platform client test registers beside the client itself: the clock, <c>Scan__MaxWaitSeconds</c>, logging at Trace, HttpClient.</summary>
internal static class PlatformTestServices
{
    /// <param name="time">The clock; a fake one at <see cref="TestHost.Start"/> when null.</param>
    /// <param name="logs">Captures every log line when given.</param>
    public static ServiceCollection Create(TimeProvider? time = null, CapturingLoggerProvider? logs = null, int maxWaitSeconds = 60)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time ?? new TestClock(TestHost.Start));
        services.AddSingleton(Options.Create(new ScanOptions { MaxWaitSeconds = maxWaitSeconds }));
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddHttpClient();
        return services;
    }
}
