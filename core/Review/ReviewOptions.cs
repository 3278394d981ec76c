using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Review;

/// <summary><c>Review__Hour</c>: the hour of the library's day (its time zone, <c>policy.json</c>) from which the daily account review runs.</summary>
public sealed class ReviewOptions : ISettings
{
    public const string Section = "Review";

    public int Hour { get; set; } = 6;

    public IEnumerable<string> Validate()
    {
        if (Hour is < 0 or > 23)
        {
            yield return $"Setting Review__Hour must be an hour of the day from 0 to 23; it is {Hour}.";
        }
    }
}
