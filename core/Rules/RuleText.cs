namespace SocialMonitor.Core.Rules;

/// <summary>
/// What a person reads about a rule: its <see cref="Title"/> in words ("A phone number"), for subjects and headings, and
/// its <see cref="Advice"/>, what to do about a finding. Each family keeps its texts in one table beside its rule.
/// </summary>
public sealed record RuleText(string Id, string Title, string Advice);
