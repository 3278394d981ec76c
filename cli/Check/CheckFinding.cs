namespace SocialMonitor.Cli.Check;

/// <summary>One finding of a <c>check --format jsonl</c> line, exactly these fields in this order.</summary>
internal sealed record CheckFinding(string Rule, string Family, string Severity, string Clause, string Evidence, string Explanation);
