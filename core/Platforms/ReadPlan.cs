namespace SocialMonitor.Core.Platforms;

/// <summary>
/// Which streams a platform's client reads, and when (<see cref="Scanning.AccountCapture"/> runs the plan):
/// <list type="bullet">
/// <item><see cref="EveryScan"/>: on every scan, since the stream's cursor (Facebook posts; Instagram stories, X
/// mentions). The one with <see cref="PlannedRead.ChangeHints"/> carries the posts whose per-post streams are read.</item>
/// <item><see cref="PerPost"/>: per post of that stream, when its change hint moved and once a day in the comment window
/// (comments and replies); cursor key <c>{stream}:{postId}</c>.</item>
/// <item><see cref="Daily"/>: once a day (profile, roles, apps); the rest of the account facts are "cannot verify".</item>
/// </list>
/// <see cref="Budget"/>, when the platform pays for reads or counts quota, is consulted before each read and spent after it.
/// <see cref="Lookup"/>, when set, makes the posts stream read only what is new since its cursor and finds the change
/// hints of older posts by a lookup of their ids.
/// </summary>
public sealed record ReadPlan(IReadOnlyList<PlannedRead> EveryScan, IReadOnlyList<PlannedRead> PerPost, IReadOnlyList<PlannedRead> Daily)
{
    public PlatformBudget? Budget { get; init; }

    /// <summary>The lookup of known posts by id that gives older posts their change hints; null when the posts read re-reads the window.</summary>
    public HintLookup? Lookup { get; init; }

    /// <summary>
    /// How an expiring token of the platform is renewed (who signs in where, what is stored under the token's name), the
    /// advice of <c>capture.token-expiring</c>; null when a new token stored under the same name is all it takes.
    /// </summary>
    public string? TokenRenewal { get; init; }

    /// <summary>The every-scan stream whose items are posts with change hints, or null when the platform has none.</summary>
    public PlannedRead? Posts => EveryScan.FirstOrDefault(s => s.ChangeHints);

    /// <summary>The stream whose first cursor marks an account's first scan: the posts stream, else the first every-scan stream.</summary>
    public PlannedRead Primary => Posts ?? EveryScan[0];

    public IEnumerable<PlannedRead> All => EveryScan.Concat(PerPost).Concat(Daily);

    /// <summary>The stream named <paramref name="name"/> in any part of the plan, or null.</summary>
    public PlannedRead? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    public bool IsEveryScan(string name) => EveryScan.Any(s => s.Name == name);

    public bool IsPerPost(string name) => PerPost.Any(s => s.Name == name);
}
