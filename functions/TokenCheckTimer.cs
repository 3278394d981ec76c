using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Functions;

/// <summary>Daily at 06:00 UTC: every account's token is checked by its platform's own token check; one expiring within 14 days raises <c>capture.token-expiring</c>.</summary>
public sealed class TokenCheckTimer(TokenChecker checker)
{
    public const string Schedule = "0 0 6 * * *";

    [Function(nameof(TokenCheckTimer))]
    public Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        checker.CheckAllAsync(cancellationToken);
}
