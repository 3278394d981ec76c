namespace SocialMonitor.Core.Platforms;

/// <summary>
/// What a platform says about a post that moves when its comments change (Facebook: <c>updated_time</c>, which moves when
/// the post gets comments, and the comment count). A hint is only compared with the last one; it is never a completeness
/// check. <see cref="Comments"/> is the count when the platform gives one.
/// </summary>
public sealed record ChangeHint(string Value, int? Comments);
