using System.Security.Cryptography;
using System.Text;

namespace SocialMonitor.Core.Notifications;

public static class EmailIds
{
    /// <summary>
    /// The id of an email: its kind and a hash of (recipient, kind, the set of findings). The same email composed
    /// again, by a repeated message or a retried timer run, has the same id, so it is one outbox row and one send.
    /// </summary>
    public static string For(string recipient, string kind, IEnumerable<string> findingIds)
    {
        var key = string.Join('\u001f', [recipient.Trim().ToUpperInvariant(), kind, .. findingIds.Order(StringComparer.Ordinal)]);
        return $"{kind}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24]}";
    }

    /// <summary>
    /// The id of a person's digest: its slot (the person and the digest time of that business day), not the findings it
    /// lists, so a run repeated after a crash, with findings acknowledged in between, composes the same email.
    /// </summary>
    public static string ForDigest(string recipient, DateTimeOffset slot) =>
        For(recipient, EmailKinds.Digest, [slot.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>A finding as an email's id names it: its id, and after a reopening its number, so each reopening is emailed once.</summary>
    public static string Occurrence(Findings.Finding finding) =>
        finding.ReopenCount == 0 ? finding.Id : $"{finding.Id}#{finding.ReopenCount.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
