using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;

namespace SocialMonitor.Functions;

/// <summary>
/// The Application Insights processor that drops the query string of every outgoing call's URL before it is sent
/// (<see cref="DependencyTelemetry.Data"/> and the name), for every platform and Graph: tokens that a platform takes
/// only in the query (Facebook's <c>debug_token</c> checks the token named by <c>input_token</c>) never reach telemetry.
/// Clients send their own tokens in the <c>Authorization</c> header where the platform accepts it; this is the net.
/// </summary>
public sealed class QueryStringScrubber(ITelemetryProcessor next) : ITelemetryProcessor
{
    public void Process(ITelemetry item)
    {
        if (item is DependencyTelemetry dependency)
        {
            dependency.Data = WithoutQuery(dependency.Data);
            dependency.Name = WithoutQuery(dependency.Name);
            dependency.Target = WithoutQuery(dependency.Target);
        }
        next.Process(item);
    }

    /// <summary>The text up to its first '?' (a URL, or a name such as "GET /path?query").</summary>
    public static string? WithoutQuery(string? text)
    {
        var at = text?.IndexOf('?', StringComparison.Ordinal) ?? -1;
        return at >= 0 ? text![..at] : text;
    }
}
