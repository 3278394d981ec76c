namespace SocialMonitor.Core.Platforms;

/// <summary>
/// What a client tells <see cref="PlatformHttp"/> about its platform: its name (as in messages and logs), its named
/// <see cref="HttpClient"/> (registered with <see cref="PlatformHttpRegistration.AddPlatformHttpClient"/>), its secrets,
/// and how to read an error answer. The hooks are optional: <see cref="BeforeSend"/> runs before each request is sent
/// (Facebook waits out a usage hold there, or throws <see cref="PlatformException"/> to not send it),
/// <see cref="Prepare"/> sets request options its pipeline reads, and <see cref="Observe"/> reads each response's
/// headers (usage, quota).
/// </summary>
public sealed record PlatformApi(string Platform, string HttpClientName, PlatformSecrets Secrets, Func<ErrorAnswer, PlatformError> Classify)
{
    public Func<PlatformSession, PlatformRequest, string, CancellationToken, Task>? BeforeSend { get; init; }

    public Action<PlatformSession, HttpRequestMessage>? Prepare { get; init; }

    public Action<PlatformSession, HttpResponseMessage>? Observe { get; init; }
}
