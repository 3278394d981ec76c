namespace SocialMonitor.Core.Platforms;

public sealed class PlatformOptions
{
    public bool Enabled { get; set; } = true;
    public string BaseUrl { get; set; } = "";
    public string ApiVersion { get; set; } = "";

    /// <summary>
    /// <c>Platforms__&lt;Platform&gt;__MonthlyReadBudget</c>: the resources a platform that charges for reads may return per
    /// calendar month (UTC), kept by the budget hook (<see cref="PlatformBudget"/>); unset means no budget. X reads it.
    /// </summary>
    public long? MonthlyReadBudget { get; set; }
}
