using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Review;

namespace SocialMonitor.Functions;

/// <summary>
/// Hourly (UTC; a timer cannot follow a time zone): from <c>Review__Hour</c> of the library's day, the daily account
/// review of every account and location not yet reviewed today (<see cref="AccountReview"/>); the later hours find them done.
/// </summary>
public sealed class AccountReviewTimer(AccountReview review)
{
    [Function(nameof(AccountReviewTimer))]
    public Task Run([TimerTrigger("0 5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        review.RunIfDueAsync(cancellationToken);
}
