using System.Collections.Concurrent;
using Microsoft.ApplicationInsights.Channel;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>An Application Insights channel that keeps what would be sent, for a test to read.</summary>
internal sealed class CapturingTelemetryChannel : ITelemetryChannel
{
    public ConcurrentQueue<ITelemetry> Items { get; } = new();

    public bool? DeveloperMode { get; set; }

    public string EndpointAddress { get; set; } = "http://127.0.0.1:9/";

    public void Send(ITelemetry item) => Items.Enqueue(item);

    public void Flush()
    {
    }

    public void Dispose()
    {
    }
}
