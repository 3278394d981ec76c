namespace SocialMonitor.Cli.Check;

/// <summary>One finding of a <c>check --format jsonl</c> line, exactly these fields in this order; <c>advice</c> is what the emails say to do.</summary>
internal sealed record CheckFinding(string Rule, string Family, string Severity, string Clause, string Evidence, string Explanation, string Advice);
