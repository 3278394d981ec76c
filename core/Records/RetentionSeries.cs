namespace SocialMonitor.Core.Records;

/// <summary>
/// What one retention run did to one record series: its period and cutoff, the ids it removed (or, in a dry run,
/// would remove), and how many past records it kept because a legal hold covers them, because storage refused the
/// removal (an immutability period not yet over: tried again on the next run), or because they are still in use
/// (a finding not closed, an email not sent, an item with an open finding, an answer seen again since the cutoff).
/// </summary>
public sealed class RetentionSeries(string name, int days, DateTimeOffset cutoff)
{
    public string Name { get; } = name;
    public int Days { get; } = days;
    public DateTimeOffset Cutoff { get; } = cutoff;
    public List<string> Removed { get; } = [];
    public int Held { get; set; }
    public int Refused { get; set; }
    public int InUse { get; set; }
}
