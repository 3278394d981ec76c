using System.Globalization;
using System.Text;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Rules;
using SocialMonitor.Cli.Commands;

namespace SocialMonitor.Cli.Demo;

/// <summary>What the demo did: accounts scanned, items read, API calls by platform, findings, and the emails it wrote (file names, kind first).</summary>
internal sealed record DemoSummary(int Accounts, int Items, IReadOnlyList<(string Platform, int Calls)> ApiCalls, IReadOnlyList<Finding> Findings, IReadOnlyList<string> Emails, string Outbox, TimeZoneInfo Zone)
{
    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine(TextTable.Render(["", "count"],
        [
            ["accounts scanned", Accounts.ToString(CultureInfo.InvariantCulture)],
            ["items read", Items.ToString(CultureInfo.InvariantCulture)],
            .. ApiCalls.Select(c => (IReadOnlyList<string>)[$"{c.Platform} API calls", c.Calls.ToString(CultureInfo.InvariantCulture)]),
            ["findings", Findings.Count.ToString(CultureInfo.InvariantCulture)],
            ["emails written", Emails.Count.ToString(CultureInfo.InvariantCulture)],
        ]));
        text.AppendLine(TextTable.Render(["email kind", "emails"],
            Emails.GroupBy(e => e.Split('-')[0]).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[g.Key, g.Count().ToString(CultureInfo.InvariantCulture)])));
        text.AppendLine(TextTable.Render(["rule", "findings"],
            Findings.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[RuleTexts.For(g.Key).Title, g.Count().ToString(CultureInfo.InvariantCulture)])));
        text.AppendLine(TextTable.Render(["location", "findings"],
            Findings.GroupBy(f => f.Location).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[g.Key, g.Count().ToString(CultureInfo.InvariantCulture)])));
        text.AppendLine(FindingsCommands.Render(Findings, Zone));
        text.AppendLine(CultureInfo.InvariantCulture, $"Emails: {Outbox}");
        return text.ToString();
    }
}
