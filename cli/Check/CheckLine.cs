namespace SocialMonitor.Cli.Check;

/// <summary>
/// One output line of <c>check --format jsonl</c>: <c>{"id":"...","findings":[...]}</c>, <c>"findings":[]</c> when clean.
/// </summary>
internal sealed record CheckLine(string Id, IReadOnlyList<CheckFinding> Findings);
