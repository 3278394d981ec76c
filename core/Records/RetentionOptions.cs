using System.Globalization;
using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Records;

/// <summary><c>Retention__Hour</c>: the district's local hour (0–23) at which the hourly <c>RetentionTimer</c> runs retention once a day.</summary>
public sealed class RetentionOptions : ISettings
{
    public const string Section = "Retention";

    public int Hour { get; set; } = 3;

    public IEnumerable<string> Validate()
    {
        if (Hour is < 0 or > 23)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Setting Retention__Hour must be an hour from 0 to 23 (the policy's time zone); it is {Hour}.");
        }
    }
}
