using System.Security.Cryptography;
using System.Text;

namespace SocialMonitor.Core.Approvals;

public static class ApprovalIds
{
    /// <summary>
    /// A stable id for an approval of <paramref name="value"/> by <paramref name="match"/> in <paramref name="scope"/>
    /// (<c>link-</c> and 12 hex digits), so that adding the same approval twice (a retry) writes the same row.
    /// </summary>
    public static string For(string match, string value, string scope)
    {
        var normalised = match == LinkMatches.Domain ? value.Trim().ToLowerInvariant() : value.Trim();
        var key = string.Join('\u001f', match, normalised, scope);
        return "link-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];
    }
}
